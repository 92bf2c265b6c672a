using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Saas.Modules.Appointments.Booking;
using Saas.Modules.Appointments.Confirmation;
using Saas.Modules.Appointments.Slots;

namespace Saas.Modules.Appointments.Pages.Termine;

/// <summary>
/// Booking without an account and without script: pick a day (links), then a time (radio buttons),
/// give name and e-mail. The same checks and the same ledger as the API decide.
/// </summary>
internal sealed class AppointmentsBookModel(
    AppointmentsCatalog catalog, AppointmentBooker booker, ConfirmationMail mail, HoldMail holdMail, Data.AppointmentsDbContext db, TimeProvider clock) : PageModel
{
    /// <summary>How many days ahead the day list shows, at most (the location's horizon may be shorter).</summary>
    public const int DaysShown = 28;

    [FromRoute]
    public Guid Id { get; set; }

    [FromQuery(Name = "tag")]
    public string? Day { get; set; }

    /// <summary>One of the service's further locations (itinerant office hours); none: its main location.</summary>
    [FromQuery(Name = "ort")]
    public Guid? Place { get; set; }

    /// <summary>Every location that offers the service, the main one first, when there is more than one.</summary>
    public IReadOnlyList<Data.Location> Places { get; private set; } = [];

    /// <summary>The query part that keeps the chosen location in links and the form.</summary>
    public string PlaceQuery => Place is { } p && p != Plan.Service.LocationId ? $"ort={p}" : "";

    [BindProperty]
    public string? Start { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    /// <summary>One per rendered form: a second submit of the same form books nothing and shows the first one's result.</summary>
    [BindProperty]
    public string? FormToken { get; set; }

    /// <summary>The signed-in resident: booked with the account's address and confirmed at once.</summary>
    public SignedInResident? Resident => BookingAccess.SignedIn(User);

    public ServicePlan Plan { get; private set; } = null!;
    public IReadOnlyList<DateOnly> Days { get; private set; } = [];
    public DateOnly? SelectedDay { get; private set; }
    public IReadOnlyList<Slot> Times { get; private set; } = [];
    public Dictionary<string, string[]> Errors { get; private set; } = [];
    public BookingResult? Refused { get; private set; }
    public BookingOutcome? Booked { get; private set; }
    public bool Mailed { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        FormToken = ManageToken.Create();
        Name = Resident?.Name;
        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        var resident = Resident;
        if (resident is not null)
        {
            Email = resident.Email; // the account's proven address, not whatever the form says
        }
        var (valid, errors) = BookingRequestValidator.Validate(new BookingRequest(Id.ToString(), Start, Name, Email, Place?.ToString()));
        if (valid is null)
        {
            Errors = errors;
            return Page();
        }
        var options = new BookingOptions(resident?.AccountId, BookingGuards.SubmissionKey("form", FormToken));
        var outcome = await booker.BookAsync(valid, cancellationToken, options);
        if (outcome.Result == BookingResult.Duplicate
            && await db.Bookings.AsNoTracking().SingleOrDefaultAsync(b => b.Id == outcome.ExistingBookingId, cancellationToken) is { } first)
        {
            // The double click: the first submit's booking is the answer, shown again, nothing mailed twice.
            Booked = new BookingOutcome(BookingResult.Booked, first, null, Plan,
                new Slot(Utc(first.Start), Utc(first.End), 0, []));
            Mailed = true;
            return Page();
        }
        if (outcome.Result != BookingResult.Booked)
        {
            Refused = outcome.Result;
            FormToken = ManageToken.Create();
            await LoadAsync(cancellationToken); // the times shown must be today's truth, without the one just lost
            // The page explains and offers the times left; the status tells clients and tests what the API would.
            return Refuse(outcome.Result == BookingResult.Full ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity);
        }
        Booked = outcome;
        var culture = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        Mailed = outcome.Booking!.IsPending
            ? await holdMail.SendAsync(outcome, culture, cancellationToken)
            : await mail.SendAsync(outcome, culture, cancellationToken);
        return Page();
    }

    private PageResult Refuse(int status)
    {
        var page = Page();
        page.StatusCode = status;
        return page;
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    public DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Plan.Planner.Zone);

    public static string Value(DateTimeOffset local) => local.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static string DayValue(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await catalog.PlanForAsync(Id, Place, cancellationToken) is not { Service.RetiredAt: null } plan)
        {
            return false; // unknown here, not offered at that place, or no longer offered
        }
        Plan = plan;
        var further = (await catalog.FurtherLocationsAsync(cancellationToken))[Id].ToList();
        if (further.Count > 0)
        {
            var main = plan.Location.Id == plan.Service.LocationId ? plan.Location : (await catalog.ServicesAsync(cancellationToken)).Single(s => s.Service.Id == Id).Location;
            Places = [main, .. further];
        }
        var now = clock.GetUtcNow();
        var today = plan.Planner.Today(now);
        var slots = await plan.SlotsAsync(catalog, today, today.AddDays(DaysShown), now, cancellationToken);
        var free = slots.Where(s => s.Remaining > 0).ToList();
        Days = [.. free.Select(s => DateOnly.FromDateTime(Local(s.Start).DateTime)).Distinct()];
        var chosen = Start is not null && DateTimeOffset.TryParse(Start, CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
            ? DateOnly.FromDateTime(Local(start).DateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : Day;
        if (DateOnly.TryParseExact(chosen, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && Days.Contains(day))
        {
            SelectedDay = day;
            Times = [.. free.Where(s => DateOnly.FromDateTime(Local(s.Start).DateTime) == day)];
        }
        return true;
    }
}
