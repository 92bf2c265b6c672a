using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Saas.Kernel.Localization;
using Saas.Modules.Coworking.Booking;
using Saas.Modules.Coworking.Data;

namespace Saas.Modules.Coworking.Pages.Coworking;

/// <summary>
/// The co-working page: a space's week and the free times of each desk and room on a day, open to
/// everyone; the booking form for signed-in residents (bookings always belong to an account).
/// </summary>
internal sealed class CoworkingIndexModel(Availability availability, DeskBooker booker, PassOrders passes, BookingMail mail, TownTime time, Texts texts) : PageModel
{
    [FromQuery(Name = "raum")]
    public Guid? SpaceId { get; set; }

    [FromQuery(Name = "tag")]
    public string? DayText { get; set; }

    [BindProperty(Name = "")]
    public BookingInput Input { get; set; } = new();

    public IReadOnlyList<Space> Spaces { get; private set; } = [];
    public SpaceWeek? Week { get; private set; }
    public DateOnly Day { get; private set; }
    public DateOnly Today { get; private set; }
    public Resident? Resident { get; private set; }
    public IReadOnlyList<DeskPass> Passes { get; private set; } = [];
    public Dictionary<string, string> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        Input.Day = CoworkingWords.Iso(Day);
        Input.Span ??= Spans.Day;
        Input.Payment ??= DeskBooking.OnSite;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (SignedIn.Of(User) is not { } resident)
        {
            return Challenge();
        }
        var outcome = await booker.BookAsync(Input, resident, cancellationToken);
        if (outcome.Booked is { } booked)
        {
            await mail.SendAsync(booked, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, cancellationToken);
            return Redirect("/coworking/meine?erledigt=gebucht");
        }
        foreach (var (field, key) in outcome.Errors)
        {
            Errors[field] = texts[key];
        }
        // Show the week of the space that was asked for (another town's desk id finds none: the first space).
        SpaceId = Input.WorkplaceId is { } workplace ? await availability.SpaceOfAsync(workplace, cancellationToken) : null;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        Resident = SignedIn.Of(User);
        Today = time.Today;
        Spaces = await availability.SpacesAsync(cancellationToken);
        var day = Input.DayValue is null && DateOnly.TryParseExact(DayText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : Input.DayValue ?? Today;
        Day = day < Today || day > Today.AddDays(DeskBooker.HorizonDays) ? Today : day;
        if (Spaces.Count == 0)
        {
            return true;
        }
        var spaceId = SpaceId ?? Spaces[0].Id;
        Week = await availability.WeekAsync(spaceId, Day, cancellationToken);
        if (Week is null)
        {
            return false;
        }
        if (Resident is { } resident)
        {
            Passes = [.. (await passes.MineAsync(resident, cancellationToken)).Where(p => p.SpaceId == spaceId)];
        }
        return true;
    }

    public SpaceDay? Selected => Week?.Days.FirstOrDefault(d => d.Day == Day);

    public string? Error(string field) => Errors.GetValueOrDefault(field);

    public string? Invalid(string field) => Errors.ContainsKey(field) ? "true" : null;

    public string? Described(string field, string? hint = null)
    {
        var ids = new List<string>();
        if (hint is not null)
        {
            ids.Add(hint);
        }
        if (Errors.ContainsKey(field))
        {
            ids.Add(FieldId(field) + "-error");
        }
        return ids.Count == 0 ? null : string.Join(' ', ids);
    }

    public static string FieldId(string field) => "f-" + field.ToLowerInvariant();

    /// <summary>The times the hour selects offer: every half hour of the town's day.</summary>
    public static IEnumerable<string> TimeOptions => Enumerable.Range(12, 33).Select(i => BookingInput.Time(i * Spans.Grid));
}
