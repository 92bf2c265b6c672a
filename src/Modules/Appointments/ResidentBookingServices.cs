using Microsoft.Extensions.DependencyInjection;
using Saas.Modules.Appointments.Booking;
using Saas.Modules.Appointments.Confirmation;
using Saas.Modules.Appointments.Jobs;

namespace Saas.Modules.Appointments;

/// <summary>The residents' side beyond booking: holds confirmed by mail, reschedules, reminders.</summary>
internal static class ResidentBookingServices
{
    public static IServiceCollection AddResidentBooking(this IServiceCollection services) => services
        .AddScoped<HoldMail>()
        .AddScoped<ReminderMail>()
        .AddScoped<AppointmentMover>()
        .AddScoped<HoldReleaseJob>()
        .AddScoped<ReminderJob>();
}
