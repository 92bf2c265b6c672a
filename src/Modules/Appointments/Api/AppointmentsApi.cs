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
            .WithSummary("Holds a free slot for 15 minutes and mails the resident a confirmation link; answers 201 with the booking (status pending) and its manage token (shown once), 409 when the slot is full.")
            .WithDescription("The hold blocks the slot; the resident confirms it with the mailed link within 15 minutes, or it is released. "
                + "An optional Idempotency-Key header (at most 200 characters) makes a retry safe: the same key answers 200 with the booking made before (manageToken null), "
                + "or 422 when it came with another service, time or address. 422 also when the address holds the location's maximum of active bookings.");
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
        var plan = Guid.TryParse(serviceId, out var id) && await catalog.PlanForAsync(id, location, cancellationToken) is { Service.RetiredAt: null } offered ? offered : null;
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
            // Start and end already carry the town's offset of their moment (SlotPlanner).
            [.. slots.Where(s => s.Remaining > 0).Select(s => new SlotResponse(s.Start, s.End, s.Remaining))]));
    }

    private static async Task<Results<Created<BookingResponse>, Ok<BookingResponse>, ValidationProblem, ProblemHttpResult>> Book(
        BookingRequest? request, AppointmentBooker booker, HoldMail mail, AppointmentsDbContext db, CancellationToken cancellationToken,
        [Microsoft.AspNetCore.Mvc.FromHeader(Name = "Idempotency-Key")] string? idempotencyKey = null)
    {
        var (valid, errors) = BookingRequestValidator.Validate(request);
        if (idempotencyKey is { Length: > BookingGuards.MaxKeyLength } || idempotencyKey is { } k && string.IsNullOrWhiteSpace(k))
        {
            errors["Idempotency-Key"] = [$"Idempotency-Key must be 1 to {BookingGuards.MaxKeyLength} characters."];
        }
        if (valid is null || errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var outcome = await booker.BookAsync(valid, cancellationToken, new BookingOptions(null, BookingGuards.SubmissionKey("api", idempotencyKey)));
        if (outcome.Result == BookingResult.Booked)
        {
            await mail.SendAsync(outcome, System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, cancellationToken);
        }
        if (outcome.Result == BookingResult.Duplicate)
        {
            var first = await db.Bookings.AsNoTracking().SingleAsync(b => b.Id == outcome.ExistingBookingId, cancellationToken);
            return first.ServiceId == valid.ServiceId && first.Start == valid.Start.UtcDateTime && string.Equals(first.Email, valid.Email, StringComparison.OrdinalIgnoreCase)
                ? TypedResults.Ok(BookingResponse.From(first, outcome.Plan!, null))
                : TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "This Idempotency-Key was used for another booking.",
                    detail: "Send a new key for a new booking.");
        }
        return outcome.Result switch
        {
            BookingResult.Booked => TypedResults.Created($"/api/v1/appointments/bookings/{outcome.Booking!.Id}", BookingResponse.From(outcome)),
            BookingResult.CapReached => TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "This e-mail address holds the maximum of active bookings at this location.", detail: "Cancel one of them or wait until one is over."),
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
