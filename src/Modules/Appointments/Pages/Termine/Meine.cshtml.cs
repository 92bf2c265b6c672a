using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Saas.Kernel.Security;
using Saas.Kernel.Tenancy;
using Saas.Modules.Appointments.Booking;
using Saas.Modules.Appointments.Data;

namespace Saas.Modules.Appointments.Pages.Termine;

/// <summary>
/// "Meine Termine": a signed-in resident's bookings, those ahead with cancel and reschedule, and
/// the past ones. Bookings made while signed in, and those confirmed by mail to the account's address.
/// </summary>
[Authorize(Policy = Policies.Resident)]
internal sealed class AppointmentsMineModel(AppointmentsDbContext db, AppointmentsCatalog catalog, ITenantContext tenant, TimeProvider clock) : PageModel
{
    public const int MaxShown = 100;

    public IReadOnlyList<MyBooking> Upcoming { get; private set; } = [];
    public IReadOnlyList<MyBooking> Past { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (BookingAccess.SignedIn(User) is not { } resident)
        {
            return Challenge();
        }
        var email = resident.Email.ToLowerInvariant();
#pragma warning disable CA1862 // LOWER translates to SQL on both providers; string.Equals with a comparison does not
        var bookings = await db.Bookings.AsNoTracking()
            .Where(b => b.AccountId == resident.AccountId || (b.Email.ToLower() == email && (b.ConfirmedAt != null || b.HoldExpiresAt == null)))
            .Where(b => b.ReleasedAt == null)
            .OrderByDescending(b => b.Start).Take(MaxShown)
            .ToListAsync(cancellationToken);
#pragma warning restore CA1862
        var services = (await catalog.AllServicesAsync(cancellationToken)).ToDictionary(s => s.Service.Id);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(tenant.Current?.Settings.TimeZone ?? "Europe/Berlin");
        var now = clock.GetUtcNow().UtcDateTime;
        var mine = bookings.Where(b => BookingAccess.Owns(b, User) && services.ContainsKey(b.ServiceId))
            .Select(b => new MyBooking(b, services[b.ServiceId].Service, services[b.ServiceId].Location, Confirmation.AppointmentWords.Local(b.Start, zone)))
            .ToList();
        Upcoming = [.. mine.Where(m => m.Booking.CancelledAt is null && DateTime.SpecifyKind(m.Booking.End, DateTimeKind.Utc) > now).OrderBy(m => m.Start)];
        Past = [.. mine.Except(Upcoming)];
        return Page();
    }
}

internal sealed record MyBooking(Data.Booking Booking, Service Service, Location Location, DateTimeOffset Start);
