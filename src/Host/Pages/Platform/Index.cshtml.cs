using Microsoft.AspNetCore.Mvc.RazorPages;
using Saas.Host.Tenancy;
using Saas.Host.Web;
using Saas.Kernel.Modules;
using Saas.Kernel.Tenancy;

namespace Saas.Host.Pages.Platform;

/// <summary>The product's landing page on the platform host.</summary>
internal sealed class PlatformIndexModel(TenantRegistry registry, IEnumerable<IModule> modules, ThemeCatalog themes) : PageModel
{
    public IReadOnlyList<IModule> Modules { get; } = modules.ToList();

    public IReadOnlyList<(string Name, string Url, string Theme)> Towns { get; private set; } = [];

    public void OnGet()
    {
        var port = Request.Host.Port is { } p ? $":{p}" : "";
        Towns = registry.Tenants
            .Where(t => t.IsDemo && t.State == TenantState.Active)
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => (t.FullName, $"{Request.Scheme}://{t.PrimaryHost}{port}/", themes.All.FirstOrDefault(x => x.Id == t.Theme)?.Name ?? t.Theme))
            .ToList();
    }
}
