using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Saas.Host.Support.Towns;
using Saas.Kernel.Modules;
using Saas.Kernel.Tenancy;

namespace Saas.Host.Pages.Support.Gemeinden;

/// <summary>All towns: search, filters, sorting and figures. Plans arrive with billing; until then the feature filter stands in.</summary>
internal sealed class IndexModel(TownDirectory directory, IEnumerable<IModule> modules) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "zustand")]
    public string? State { get; set; }

    [BindProperty(SupportsGet = true, Name = "funktion")]
    public string? Feature { get; set; }

    [BindProperty(SupportsGet = true, Name = "sortierung")]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true, Name = "seite")]
    public int PageNumber { get; set; } = 1;

    public TownPage Result { get; private set; } = null!;

    public IReadOnlyList<IModule> Modules { get; } = modules.ToList();

    public static readonly IReadOnlyDictionary<string, TownSort> Sorts = new Dictionary<string, TownSort>
    {
        ["name"] = TownSort.Name,
        ["neu"] = TownSort.Created,
        ["aktivitaet"] = TownSort.Activity,
        ["einwohner"] = TownSort.Residents,
    };

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var state = Enum.TryParse<TenantState>(State, ignoreCase: true, out var s) && Enum.IsDefined(s) ? s : (TenantState?)null;
        var feature = Modules.Any(m => m.FeatureKey == Feature) ? Feature : null;
        var search = Search is { Length: > 200 } ? Search[..200] : Search;
        Result = await directory.ListAsync(new TownQuery(search, state, feature, Sorts.GetValueOrDefault(Sort ?? "", TownSort.Name), PageNumber), cancellationToken);
    }

    /// <summary>The list's address with the current filters and another page.</summary>
    public string PageLink(int page) => QueryHelpers(page);

    private string QueryHelpers(int page)
    {
        var query = new Dictionary<string, string?>
        {
            ["q"] = string.IsNullOrWhiteSpace(Search) ? null : Search,
            ["zustand"] = string.IsNullOrEmpty(State) ? null : State,
            ["funktion"] = string.IsNullOrEmpty(Feature) ? null : Feature,
            ["sortierung"] = string.IsNullOrEmpty(Sort) ? null : Sort,
            ["seite"] = page == 1 ? null : page.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/support/gemeinden", query.Where(p => p.Value is not null)!);
    }
}
