using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Saas.Host.Admin;
using Saas.Host.TownHall;
using Saas.Kernel.Audit;
using Saas.Kernel.Content;
using Saas.Kernel.Localization;

namespace Saas.Host.Pages.Admin.Seiten;

/// <summary>
/// Edits one of the town's texts in Markdown. The preview and the resident page render through the
/// same sanitizing renderer, so HTML or script typed into a field is shown as text, never run.
/// </summary>
internal sealed class EditPageModel(TownHallDbContext db, MarkdownRenderer markdown, TownCache cache, IAuditLog audit, TimeProvider clock, Texts texts) : PageModel
{
    public const int MaxTitle = 200;
    public const int MaxBody = 100_000;

    [FromRoute]
    public string Key { get; set; } = "";

    [BindProperty]
    public string PageTitle { get; set; } = "";

    [BindProperty]
    public string Body { get; set; } = "";

    [FromQuery(Name = "gespeichert")]
    public bool Saved { get; set; }

    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);
    public string? PreviewHtml { get; private set; }
    public string PublicPath => Key == "welcome" ? "/" : $"/{Key}";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var page = await db.Pages.AsNoTracking().SingleOrDefaultAsync(p => p.Key == Key, cancellationToken);
        PageTitle = page?.Title ?? "";
        Body = page?.Body ?? "";
        return Page();
    }

    public PageResult OnPostPreview()
    {
        Saved = false;
        Validate();
        PreviewHtml = markdown.ToSafeHtml(Body);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Saved = false;
        if (!Validate())
        {
            return Page();
        }
        var page = await db.Pages.SingleOrDefaultAsync(p => p.Key == Key, cancellationToken);
        if (page is null)
        {
            page = new CorePage { Key = Key, Title = PageTitle, Body = Body };
            db.Pages.Add(page);
        }
        page.Title = PageTitle.Trim();
        page.Body = Body;
        page.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync("admin.page.saved", $"{texts[$"admin.pages.key.{Key}"]}: {page.Title}", cancellationToken: cancellationToken);
        await cache.EvictAsync(cancellationToken);
        return LocalRedirect($"/admin/seiten/{Key}?gespeichert=true");
    }

    private bool Validate()
    {
        if (string.IsNullOrWhiteSpace(PageTitle))
        {
            Errors["title"] = texts["admin.pages.error.title"];
        }
        else if (PageTitle.Trim().Length > MaxTitle)
        {
            Errors["title"] = texts.Format("admin.pages.error.titleLength", MaxTitle);
        }
        if (string.IsNullOrWhiteSpace(Body))
        {
            Errors["body"] = texts["admin.pages.error.body"];
        }
        else if (Body.Length > MaxBody)
        {
            Errors["body"] = texts.Format("admin.pages.error.bodyLength", MaxBody.ToString("N0", System.Globalization.CultureInfo.CurrentCulture));
        }
        return Errors.Count == 0;
    }
}
