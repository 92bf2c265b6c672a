using Microsoft.Extensions.DependencyInjection;

namespace Saas.Modules.Appointments.Admin;

/// <summary>The staff side's services, in one place so the module file stays small.</summary>
internal static class AppointmentsAdminServices
{
    public static void Add(IServiceCollection services)
    {
        services.AddScoped<ServiceEditor>();
        services.AddScoped<LocationEditor>();
        services.AddScoped<StaffBookings>();
        services.AddScoped<StaffCancelMail>();
    }
}
