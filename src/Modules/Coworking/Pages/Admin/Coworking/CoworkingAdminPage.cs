using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;
using Saas.Kernel.Localization;

namespace Saas.Modules.Coworking.Pages.Admin.Coworking;

/// <summary>Base of the co-working staff pages: roles holding <c>coworking.manage</c>, never cached, form errors in the visitor's language.</summary>
[Authorize(Policy = CoworkingPermissions.ManagePolicy)]
internal abstract class CoworkingAdminPage : PageModel
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

    protected void AddErrors(IReadOnlyDictionary<string, string> errors)
    {
        foreach (var (field, key) in errors)
        {
            ModelState.AddModelError(field, T[key]);
        }
    }

    public static string FieldId(string key) => "f-" + new string(key.ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray());

    public string? Described(string key, bool hint = false)
    {
        var ids = new List<string>();
        if (hint)
        {
            ids.Add(FieldId(key) + "-hint");
        }
        if (Error(key) is not null)
        {
            ids.Add(FieldId(key) + "-error");
        }
        return ids.Count == 0 ? null : string.Join(" ", ids);
    }

    public string? Invalid(string key) => Error(key) is null ? null : "true";
}

/// <summary>What the <c>_CoworkingField</c> partial needs to draw one form field.</summary>
internal sealed record CoworkingField(
    CoworkingAdminPage Page, string Key, string Label, string? Value, string? Hint = null, string Type = "text", int MaxLength = 200, bool Required = false, string? InputMode = null);
