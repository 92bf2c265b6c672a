using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Saas.Host.Admin;
using Saas.Host.Recipes;
using Saas.Host.TownHall;

namespace Saas.Host.Pages.Admin.Seiten;

/// <summary>The town's own texts (welcome, legal pages) and where contact and opening hours are edited.</summary>
internal sealed class PagesModel(TownHallDbContext db, TownClock clock) : PageModel
{
    public IReadOnlyList<CorePage> Pages { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var pages = await db.Pages.AsNoTracking().ToListAsync(cancellationToken);
        Pages = [.. pages.OrderBy(p => RecipeReader.RequiredPages.ToList().IndexOf(p.Key) is var i and >= 0 ? i : int.MaxValue)];
    }

    public string Local(DateTime utc) => clock.Format(utc);
}
