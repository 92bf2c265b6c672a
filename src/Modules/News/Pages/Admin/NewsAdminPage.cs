using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;
using Saas.Kernel.Localization;
using Saas.Kernel.Tenancy;
using Saas.Modules.News.Admin;

namespace Saas.Modules.News.Pages.Admin;

/// <summary>
/// Base of the news editors: staff whose role holds <c>news.edit</c> (second factor passed), never
/// cached anywhere, times in the town's zone, form errors in the visitor's language.
/// </summary>
[Authorize(Policy = NewsPermissions.EditPolicy)]
internal abstract class NewsAdminPage : PageModel
{
    private TownTime? _time;

    public TownTime Time => _time ??= TownTime.For(HttpContext.RequestServices.GetRequiredService<ITenantContext>().Current?.Settings.TimeZone);

    protected Texts T => HttpContext.RequestServices.GetRequiredService<Texts>();

    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        context.HttpContext.Response.Headers.CacheControl = "no-store";
        base.OnPageHandlerExecuting(context);
    }

    /// <summary>The first error of a field of the form, already translated, or null.</summary>
    public string? Error(string key) =>
        ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    public IEnumerable<(string Key, string Message)> Errors =>
        ModelState.Where(e => e.Value is { Errors.Count: > 0 }).Select(e => (e.Key, e.Value!.Errors[0].ErrorMessage));

    protected void AddError(string key, string textKey) => ModelState.AddModelError(key, T[textKey]);

    protected async Task<bool> MayPublishAsync() =>
        (await HttpContext.RequestServices.GetRequiredService<IAuthorizationService>().AuthorizeAsync(User, NewsPermissions.PublishPolicy)).Succeeded;

    /// <summary>A state label for lists and the editor: draft, scheduled, published, ended.</summary>
    public string StateText(Data.Article article, DateTime now) => T[$"news.admin.state.{article.StateAt(now).ToString().ToLowerInvariant()}"];

    public static string StateClass(Data.Article article, DateTime now) => article.StateAt(now) switch
    {
        Data.ArticleState.Published => "status--active",
        Data.ArticleState.Scheduled => "status--pending",
        _ => "status--disabled",
    };

    /// <summary>"1. November 2026, 09:00" in the town's zone and the visitor's language.</summary>
    public string When(DateTime utc) =>
        Time.ToLocal(utc).ToString(System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "d MMMM yyyy, HH:mm" : "d. MMMM yyyy, HH:mm", System.Globalization.CultureInfo.CurrentCulture);
}
