using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;
using Saas.Kernel.Localization;

namespace Saas.Modules.Jobs.Pages.Admin;

/// <summary>Base of the staff pages: never cached, form errors in the visitor's language. Each page names its permission.</summary>
internal abstract class JobsAdminPage : PageModel
{
    protected Texts T => HttpContext.RequestServices.GetRequiredService<Texts>();

    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        context.HttpContext.Response.Headers.CacheControl = "no-store";
        base.OnPageHandlerExecuting(context);
    }

    public string? Error(string key) =>
        ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    public IEnumerable<(string Key, string Message)> Errors =>
        ModelState.Where(e => e.Value is { Errors.Count: > 0 }).Select(e => (e.Key, e.Value!.Errors[0].ErrorMessage));

    protected async Task<bool> MayAsync(string policy) =>
        (await HttpContext.RequestServices.GetRequiredService<IAuthorizationService>().AuthorizeAsync(User, policy)).Succeeded;
}

/// <summary>Pages about postings: <c>jobs.manage</c>.</summary>
[Authorize(Policy = JobsPermissions.ManagePolicy)]
internal abstract class PostingsAdminPage : JobsAdminPage;

/// <summary>Pages about applications (personal data): <c>jobs.applications</c>.</summary>
[Authorize(Policy = JobsPermissions.ApplicationsPolicy)]
internal abstract class ApplicationsAdminPage : JobsAdminPage;
