using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Saas.Kernel.Audit;
using Saas.Kernel.Content;
using Saas.Modules.Jobs.Data;
using Saas.Modules.Jobs.Postings;

namespace Saas.Modules.Jobs.Pages.Admin.Stellen;

/// <summary>
/// Create (no id) or edit a posting. A new posting's form carries the id it will get, so a second submit
/// finds it instead of creating another. Publishing is a time: empty means draft.
/// </summary>
internal sealed class JobsAdminPostingModel(PostingEditor editor, TownClock clock, MarkdownRenderer markdown) : PostingsAdminPage
{
    [FromRoute]
    public Guid? Id { get; set; }

    [BindProperty]
    public PostingInput Input { get; set; } = new();

    [BindProperty]
    public Guid FormId { get; set; }

    public JobPosting? Existing { get; private set; }
    public string? PreviewHtml { get; private set; }
    public bool Saved { get; private set; }
    public TownClock Clock => clock;

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "gespeichert")] bool saved, CancellationToken cancellationToken)
    {
        if (Id is { } id)
        {
            Existing = await editor.FindAsync(id, cancellationToken);
            if (Existing is null)
            {
                return NotFound();
            }
            Input = ToInput(Existing);
            Saved = saved;
            return Page();
        }
        FormId = Guid.CreateVersion7();
        Input = new PostingInput { EmploymentType = EmploymentTypes.FullTime, Deadline = clock.Today.AddDays(28).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromServices] IAuditLog audit, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        JobPosting posting;
        if (Id is { } id)
        {
            Existing = await editor.FindAsync(id, cancellationToken);
            if (Existing is null)
            {
                return NotFound();
            }
            posting = Existing;
        }
        else
        {
            posting = new JobPosting
            {
                Id = FormId == Guid.Empty ? Guid.CreateVersion7() : FormId,
                Slug = "", Title = "", Department = "", Description = "", EmploymentType = "", Hours = "", Location = "", Contact = "",
            };
        }
        var problems = editor.Apply(Input, posting);
        foreach (var (field, key) in problems)
        {
            ModelState.AddModelError($"Input.{field}", T[key]);
        }
        if (problems.Count > 0)
        {
            return Page();
        }
        if (Existing is null)
        {
            await editor.CreateAsync(posting, cancellationToken);
            await audit.RecordAsync("jobs.posting.created", posting.Title, cancellationToken: cancellationToken);
        }
        else
        {
            await editor.SaveAsync(cancellationToken);
            await audit.RecordAsync("jobs.posting.updated", posting.Title, cancellationToken: cancellationToken);
        }
        return Redirect($"/admin/stellen/stelle/{posting.Id}?gespeichert=1");
    }

    public async Task<IActionResult> OnPostVorschauAsync(CancellationToken cancellationToken)
    {
        if (Id is { } id && (Existing = await editor.FindAsync(id, cancellationToken)) is null)
        {
            return NotFound();
        }
        PreviewHtml = markdown.ToSafeHtml(Input.Description ?? "");
        return Page();
    }

    private PostingInput ToInput(JobPosting p) => new()
    {
        Title = p.Title,
        Department = p.Department,
        Description = p.Description,
        EmploymentType = p.EmploymentType,
        Hours = p.Hours,
        PayGroup = p.PayGroup,
        StartDate = p.StartDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Location = p.Location,
        Contact = p.Contact,
        Deadline = p.Deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        PublishAt = clock.ToInput(p.PublishAt),
        UnpublishAt = clock.ToInput(p.UnpublishAt),
        ApplyUrl = p.ApplyUrl,
    };
}
