using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Saas.Kernel.Localization;
using Saas.Modules.Jobs.Applications;
using Saas.Modules.Jobs.Data;
using Saas.Modules.Jobs.Postings;

namespace Saas.Modules.Jobs.Pages.Stellen;

/// <summary>
/// The online application: cover letter and up to three PDFs. The form carries its own id, so a second
/// submit (double click, reload) finds the stored application instead of storing another.
/// </summary>
[RequestFormLimits(MultipartBodyLengthLimit = RequestLimit)]
[RequestSizeLimit(RequestLimit)]
internal sealed class JobApplyModel(JobQueries jobs, ApplicationSubmitter submitter, ApplicationMails mails, Texts texts) : PageModel
{
    /// <summary>Three files of 10 MB and the text around them; a bigger request is refused before it is read.</summary>
    private const long RequestLimit = (3 * PdfCheck.MaxBytes) + (1024 * 1024);

    [FromRoute]
    public string Slug { get; set; } = "";

    [BindProperty]
    public ApplicationInput Input { get; set; } = new();

    [BindProperty(Name = "Anhaenge")]
    public List<IFormFile> Files { get; set; } = [];

    public JobPosting Posting { get; private set; } = null!;

    /// <summary>Set after a successful (or repeated) submit: the confirmation replaces the form.</summary>
    public JobApplication? Stored { get; private set; }
    public bool MailSent { get; private set; }

    public string? Error(string key) =>
        ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    public IEnumerable<(string Key, string Message)> Errors =>
        ModelState.Where(e => e.Value is { Errors.Count: > 0 }).Select(e => (e.Key, e.Value!.Errors[0].ErrorMessage));

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await FindAsync(cancellationToken) is not { } found)
        {
            return NotFound();
        }
        Posting = found;
        Input = new ApplicationInput { FormId = Guid.CreateVersion7() };
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        var posting = await jobs.FindBySlugAsync(Slug, cancellationToken);
        if (posting is null)
        {
            return NotFound();
        }
        Posting = posting;
        // Model binding errors (a field that is not a string) are replaced by the checks below.
        ModelState.Clear();
        var (outcome, problems, application) = await submitter.SubmitAsync(posting, Input, Files, cancellationToken);
        switch (outcome)
        {
            case SubmitOutcome.Closed:
                ModelState.AddModelError(string.Empty, texts["jobs.apply.error.closed"]);
                return Page();
            case SubmitOutcome.Refused:
                foreach (var (field, key) in problems)
                {
                    ModelState.AddModelError(field == "Anhaenge" ? "Anhaenge" : $"Input.{field}", texts[key]);
                }
                return Page();
            case SubmitOutcome.Stored:
                Stored = application;
                MailSent = await mails.ConfirmAsync(application!, posting, Files.Count(f => f.Length > 0), cancellationToken);
                return Page();
            default:
                Stored = application;
                MailSent = true;
                return Page();
        }
    }

    private async Task<JobPosting?> FindAsync(CancellationToken cancellationToken) =>
        await jobs.FindOpenAsync(Slug, cancellationToken) is { ApplyUrl: null } posting ? posting : null;
}
