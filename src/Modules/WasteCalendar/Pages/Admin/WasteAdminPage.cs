using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;
using Saas.Kernel.Localization;

namespace Saas.Modules.WasteCalendar.Pages.Admin;

/// <summary>Base of the staff pages of the waste calendar: roles holding <c>waste.manage</c> (second factor passed), never cached.</summary>
[Authorize(Policy = WastePermissions.ManagePolicy)]
internal abstract class WasteAdminPage : PageModel
{
    protected Texts T => HttpContext.RequestServices.GetRequiredService<Texts>();

    /// <summary>A message after a redirect (PRG), or an error of the last post; already translated.</summary>
    public string? Message { get; protected set; }
    public string? Problem { get; protected set; }

    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        context.HttpContext.Response.Headers.CacheControl = "no-store";
        base.OnPageHandlerExecuting(context);
    }

    protected static string Clean(string? value) => new string((value ?? "").Select(c => char.IsControl(c) ? ' ' : c).ToArray()).Trim();
}
