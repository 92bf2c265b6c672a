using Microsoft.AspNetCore.Mvc;
using Saas.Kernel.Audit;
using Saas.Modules.Jobs.Applications;
using Saas.Modules.Jobs.Data;
using Saas.Modules.Jobs.Postings;

namespace Saas.Modules.Jobs.Pages.Admin.Stellen;

/// <summary>
/// One application: the letter, the PDFs, the status, and an answer to the applicant. The answer starts from
/// the template of the chosen status (the text is staff's to change before it goes out).
/// </summary>
internal sealed class JobsAdminApplicationModel(ApplicationDesk desk, ApplicationMails mails, TownClock clock, IAuditLog audit) : ApplicationsAdminPage
{
    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public string? Status { get; set; }

    [BindProperty]
    public string? Message { get; set; }

    [BindProperty]
    public bool Send { get; set; }

    public JobApplication Application { get; private set; } = null!;
    public JobPosting Posting { get; private set; } = null!;
    public IReadOnlyList<JobAttachment> Attachments { get; private set; } = [];
    public string? Notice { get; private set; }
    public TownClock Clock => clock;

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "vorlage")] string? template, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        Status = template is not null && ApplicationStatus.All.Contains(template) ? template : Application.Status;
        Message = template is null ? null : mails.Template(Status, Application, Posting);
        Send = template is not null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        ModelState.Clear();
        if (Status is null || !ApplicationStatus.All.Contains(Status))
        {
            ModelState.AddModelError(nameof(Status), T["jobs.admin.error.status"]);
        }
        var message = (Message ?? "").Trim();
        if (Send && (message.Length is 0 or > 5000))
        {
            ModelState.AddModelError(nameof(Message), T["jobs.admin.error.message"]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        Application.Status = Status!;
        if (Send)
        {
            Application.AnsweredAt = clock.UtcNow;
        }
        await desk.SaveAsync(cancellationToken);
        await audit.RecordAsync("jobs.application.status", Posting.Title, Status, cancellationToken);
        var sent = Send && await mails.AnswerAsync(Application, Posting, message, cancellationToken);
        Notice = !Send ? T["jobs.admin.status.saved"] : sent ? T["jobs.admin.answer.sent"] : T["jobs.admin.answer.failed"];
        Message = null;
        Send = false;
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await desk.FindAsync(Id, cancellationToken) is not { } application)
        {
            return false;
        }
        Application = application;
        Posting = await desk.PostingAsync(application.PostingId, cancellationToken);
        Attachments = await desk.AttachmentsAsync(application.Id, cancellationToken);
        return true;
    }
}
