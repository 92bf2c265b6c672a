using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;
using Saas.Kernel.Localization;

namespace Saas.Modules.Appointments.Pages.Admin.Termine;

/// <summary>
/// Base of the appointment staff pages: roles holding <c>appointments.manage</c> (second factor
/// passed), never cached, form errors in the visitor's language.
/// </summary>
[Authorize(Policy = AppointmentsPermissions.ManagePolicy)]
internal abstract class AppointmentsAdminPage : PageModel
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

    /// <summary>Puts the editor's errors (text keys per field) into the form, translated.</summary>
    protected void AddErrors(IReadOnlyDictionary<string, string> errors)
    {
        foreach (var (field, key) in errors)
        {
            ModelState.AddModelError(field, T[key]);
        }
    }

    public static string FieldId(string key) => "f-" + key.ToLowerInvariant();

    /// <summary>aria-describedby for a field: its hint (when it has one) and its error.</summary>
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

    /// <summary>"Montag, 7. Dezember 2026" in the visitor's language.</summary>
    public static string LongDay(DateOnly day) =>
        day.ToString(System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "dddd, d MMMM yyyy" : "dddd, d. MMMM yyyy", System.Globalization.CultureInfo.CurrentCulture);

    public static string WeekdayName(int weekday) => System.Globalization.CultureInfo.CurrentCulture.DateTimeFormat.GetDayName((DayOfWeek)weekday);
}
