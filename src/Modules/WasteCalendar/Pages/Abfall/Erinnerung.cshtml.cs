using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Saas.Kernel.Localization;
using Saas.Modules.WasteCalendar.Calendar;
using Saas.Modules.WasteCalendar.Data;
using Saas.Modules.WasteCalendar.Reminders;

namespace Saas.Modules.WasteCalendar.Pages.Abfall;

/// <summary>
/// Ordering reminders by e-mail for one area (linked from the area's page, which stays cacheable
/// without a form). After a good post the page says "check your mailbox", the same whether or not
/// the address was subscribed already.
/// </summary>
internal sealed class WasteSubscribeModel(WasteQueries queries, Subscriber subscriber) : PageModel
{
    [FromQuery(Name = "gebiet")]
    public Guid AreaId { get; set; }

    [FromQuery(Name = "gesendet")]
    public bool Sent { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty(Name = "typ")]
    public string[] TypeValues { get; set; } = [];

    [BindProperty(Name = "zeit")]
    public string? Time { get; set; } = ReminderTimes.Value(true, 18 * 60);

    public CollectionArea Area { get; private set; } = null!;
    public IReadOnlyList<WasteType> Types { get; private set; } = [];
    public IReadOnlyList<Guid> Chosen { get; private set; } = [];
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        Chosen = [.. Types.Select(t => t.Id)];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        var email = EmailCheck.Normalize(Email);
        var chosen = TypeSelection.Parse(TypeValues, Types);
        var time = ReminderTimes.Parse(Time);
        Chosen = chosen ?? [];
        if (email is null)
        {
            Errors["email"] = "waste.remind.error.email";
        }
        if (chosen is null || chosen.Count == 0)
        {
            Errors["typ"] = "waste.remind.error.types";
        }
        if (time is null)
        {
            Errors["zeit"] = "waste.remind.error.time";
        }
        if (Errors.Count > 0)
        {
            return Page();
        }
        var culture = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == Texts.English ? Texts.English : Texts.German;
        // Every type chosen is stored as "all types", so a type added later is reminded of too.
        var types = chosen!.Count == Types.Count ? [] : chosen;
        var problem = await subscriber.SubscribeAsync(new SubscribeRequest(AreaId, email!, types, time!.Value.Evening, time.Value.Minute, culture), cancellationToken);
        if (problem is not null)
        {
            Problem = problem;
            return Page();
        }
        return Redirect($"{WasteLinks.SubscribePath}?gebiet={AreaId}&gesendet=true");
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        HttpContext.Response.Headers.CacheControl = "no-store";
        if (await queries.AreaAsync(AreaId, cancellationToken) is not { } area)
        {
            return false;
        }
        Area = area;
        Types = await queries.TypesAsync(cancellationToken);
        return true;
    }
}
