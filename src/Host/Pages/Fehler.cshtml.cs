using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Saas.Host.Tenancy;
using Saas.Kernel.Localization;
using Saas.Kernel.Modules;

namespace Saas.Host.Pages;

/// <summary>Error pages (re-executed by the status-code and exception handlers) in the site's own look.</summary>
[Site(Site.Any)]
[IgnoreAntiforgeryToken]
internal sealed class FehlerModel(Texts texts) : PageModel
{
    [FromRoute]
    public int Code { get; set; }
    public string Heading { get; private set; } = "";
    public string Text { get; private set; } = "";
    public bool IsPlatform => HttpContext.Features.Get<SiteFeature>()?.Tenant is null;

    public IActionResult OnGet() => Render();

    public IActionResult OnPost() => Render();

    private PageResult Render()
    {
        // Only the error pipeline may show an error page; a direct visit gets the real code too.
        var code = Code is >= 400 and <= 599 ? Code : 404;
        Response.StatusCode = code;
        var notFound = code == 404;
        Heading = texts[notFound ? "error.404.title" : "error.other.title"];
        Text = texts[notFound ? "error.404.text" : "error.other.text"];
        return Page();
    }
}
