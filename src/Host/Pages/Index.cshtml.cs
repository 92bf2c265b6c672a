using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Saas.Host.TownHall;
using Saas.Kernel.Content;
using Saas.Kernel.Modules;
using Saas.Kernel.Tenancy;

namespace Saas.Host.Pages;

/// <summary>The town's home page: welcome text, contact, opening hours, and whatever enabled modules contribute.</summary>
internal sealed class IndexModel(TownHallDbContext db, MarkdownRenderer markdown, ITenantContext tenant, IEnumerable<HomeSection> sections) : PageModel
{
    public string Title { get; private set; } = "";
    public string WelcomeHtml { get; private set; } = "";
    public IReadOnlyList<OpeningHours> Hours { get; private set; } = [];
    public IReadOnlyList<HomeSection> Top { get; private set; } = [];
    public IReadOnlyList<HomeSection> Main { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var welcome = await db.Pages.AsNoTracking().SingleOrDefaultAsync(p => p.Key == "welcome", cancellationToken);
        Title = welcome?.Title ?? tenant.Current!.FullName;
        WelcomeHtml = markdown.ToSafeHtml(welcome?.Body ?? "");
        Hours = await OpeningHoursQuery.LoadAsync(db, cancellationToken);
        var enabled = sections.Where(s => tenant.Current!.HasFeature(s.FeatureKey)).OrderBy(s => s.Order).ToList();
        Top = enabled.Where(s => s.Slot == HomeSlot.Top).ToList();
        Main = enabled.Where(s => s.Slot == HomeSlot.Main).ToList();
    }
}
