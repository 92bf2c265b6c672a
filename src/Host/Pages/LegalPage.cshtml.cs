using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Saas.Host.TownHall;
using Saas.Kernel.Content;
using Saas.Kernel.Tenancy;

namespace Saas.Host.Pages;

/// <summary>Impressum, Datenschutzerklärung and Barrierefreiheitserklärung: required for every town, linked from every page.</summary>
internal sealed class LegalPageModel(TownHallDbContext db, MarkdownRenderer markdown, ITenantContext tenant) : PageModel
{
    [FromRoute]
    public string Key { get; set; } = "";
    public string Title { get; private set; } = "";
    public string BodyHtml { get; private set; } = "";
    public string? FeedbackEmail => tenant.Current!.Contact.AccessibilityContactEmail ?? tenant.Current!.Contact.Email;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var page = await db.Pages.AsNoTracking().SingleOrDefaultAsync(p => p.Key == Key, cancellationToken);
        if (page is null)
        {
            return NotFound();
        }
        Title = page.Title;
        BodyHtml = markdown.ToSafeHtml(page.Body);
        return Page();
    }
}
