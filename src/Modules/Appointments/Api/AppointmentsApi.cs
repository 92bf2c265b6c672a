using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Saas.Modules.Appointments.Booking;
using Saas.Modules.Appointments.Confirmation;
using Saas.Modules.Appointments.Data;

namespace Saas.Modules.Appointments.Api;

/// <summary>Appointments for apps (<c>/api/v1/appointments</c>), always of the calling host's town.</summary>
internal static class AppointmentsApi
{
    public const int MaxDays = 42;

    public static void MapAppointmentsApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1/appointments").WithTags("Appointments");
        api.MapGet("/services", Services).WithName("ListAppointmentServices")
            .WithSummary("The services residents can book, with their location.");
        api.MapGet("/slots", Slots).WithName("ListAppointmentSlots")
            .WithSummary($"Free slots of a service between two local dates (YYYY-MM-DD, at most {MaxDays} days), with the seats left.");
        api.MapPost("/bookings", Book).WithName("BookAppointment")
            .WithSummary("Books a free slot; answers the booking with its manage token (shown once), 409 when the slot is full.");
        api.MapDelete("/bookings/{id:guid}", Cancel).WithName("CancelAppointment")
            .WithSummary("Cancels a booking with its manage token; an unknown id or a wrong token are the same 404.");
    }

    private static async Task<Ok<IReadOnlyList<ServiceResponse>>> Services(AppointmentsCatalog catalog, CancellationToken cancellationToken)
    {
        var services = await catalog.ServicesAsync(cancellationToken);
        var further = await catalog.FurtherLocationsAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ServiceResponse>>([.. services.Select(s => ServiceResponse.From(s.Service, s.Location, further[s.Service.Id]))]);
    }

    private static async Task<Results<Ok<SlotsResponse>, ValidationProblem>> Slots(
        AppointmentsCatalog catalog, TimeProvider clock, HttpContext http, CancellationToken cancellationToken,
        string? serviceId = null, string? from = null, string? to = null, string? locationId = null)
    {
        // Seats change with every booking: a shared page cache must never answer this from an older reading.
        http.Response.Headers.CacheControl = "no-store";
        var errors = new Dictionary<string, string[]>();
        var fromDay = ParseDay(from, "from", errors);
        var toDay = ParseDay(to, "to", errors);
        if (fromDay is { } f && toDay is { } t && (t < f || t.DayNumber - f.DayNumber >= MaxDays))
        {
            errors["to"] = [$"to must not be before from, and the range at most {MaxDays} days."];
        }
        Guid? location = Guid.TryParse(locationId, out var l) ? l : null;
        var plan = Guid.TryParse(serviceId, out var id) ? await catalog.PlanForAsync(id, location, cancellationToken) : null;
        if (plan is null)
        {
            errors["serviceId"] = ["serviceId must be the id of one of the town's services."];
        }
        if (!string.IsNullOrEmpty(locationId) && (location is null || plan is null))
        {
            errors["locationId"] = ["locationId must be one of the service's locations (main or further), or left out for its main location."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var slots = await plan!.SlotsAsync(catalog, fromDay!.Value, toDay!.Value, clock.GetUtcNow(), cancellationToken);
        var zone = plan.Planner.Zone;
        return TypedResults.Ok(new SlotsResponse(
            plan.Service.Id,
            plan.Location.Id,
            zone.Id,
            [.. slots.Where(s => s.Remaining > 0).Select(s => new SlotResponse(TimeZoneInfo.ConvertTime(s.Start, zone), TimeZoneInfo.ConvertTime(s.End, zone), s.Remaining))]));
    }

    private static async Task<Results<Created<BookingResponse>, ValidationProblem, ProblemHttpResult>> Book(
        BookingRequest? request, AppointmentBooker booker, ConfirmationMail mail, CancellationToken cancellationToken)
    {
        var (valid, errors) = BookingRequestValidator.Validate(request);
        if (valid is null)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var outcome = await booker.BookAsync(valid, cancellationToken);
        if (outcome.Result == BookingResult.Booked)
        {
            await mail.SendAsync(outcome, System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, cancellationToken);
        }
        return outcome.Result switch
        {
            BookingResult.Booked => TypedResults.Created($"/api/v1/appointments/bookings/{outcome.Booking!.Id}", BookingResponse.From(outcome)),
            BookingResult.UnknownService => TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["serviceId"] = ["serviceId must be the id of one of the town's services."],
            }),
            BookingResult.Full => TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict, title: "The slot is fully booked.", detail: "Choose another time from GET /api/v1/appointments/slots."),
            var refused => TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "This time cannot be booked.", detail: Why(refused)),
        };
    }

    private static async Task<Results<NoContent, NotFound>> Cancel(
        Guid id, AppointmentsDbContext db, SlotLedger ledger, TimeProvider clock, CancellationToken cancellationToken, string? token = null)
    {
        var booking = await db.Bookings.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id && b.CancelledAt == null, cancellationToken);
        if (booking is null || !ManageToken.Matches(token, booking.TokenHash))
        {
            return TypedResults.NotFound();
        }
        return await ledger.CancelAsync(booking, clock.GetUtcNow().UtcDateTime, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();
    }

    private static string Why(BookingResult result) => result switch
    {
        BookingResult.InThePast => "start lies in the past.",
        BookingResult.TooSoon => "start is sooner than the minimum notice of this location.",
        BookingResult.BeyondHorizon => "start lies beyond the booking horizon of this location.",
        _ => "start is not one of the service's slots: outside opening hours, on a holiday or closed day, or off the slot grid.",
    };

    private static DateOnly? ParseDay(string? value, string field, Dictionary<string, string[]> errors)
    {
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && day.Year is > 2000 and < 2200)
        {
            return day;
        }
        errors[field] = [$"{field} must be a date as YYYY-MM-DD."];
        return null;
    }
}
