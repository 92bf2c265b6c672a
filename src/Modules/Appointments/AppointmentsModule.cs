using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Saas.Kernel.Data;
using Saas.Kernel.Modules;
using Saas.Modules.Appointments.Api;
using Saas.Modules.Appointments.Booking;
using Saas.Modules.Appointments.Confirmation;
using Saas.Modules.Appointments.Data;
using Saas.Modules.Appointments.Recipe;

namespace Saas.Modules.Appointments;

/// <summary>Appointments (Bürgerbüro): services, locations, opening hours, slots and bookings without an account.</summary>
public sealed class AppointmentsModule : IModule
{
    public const string Feature = "appointments";

    public string FeatureKey => Feature;

    public string NameKey => "appointments.module";

    public IReadOnlyList<Permission> Permissions { get; } =
    [
        new(AppointmentsPermissions.Manage, "appointments.permission.manage", ["TenantAdmin"]),
    ];

    public IReadOnlyList<NavigationItem> Navigation { get; } = [new("appointments.nav", "/termine", 200)];

    public IReadOnlyList<NavigationItem> AccountNavigation { get; } = [new("appointments.mine.title", "/termine/meine", 50)];

    public IReadOnlyList<NavigationItem> AdminNavigation { get; } = [new("appointments.admin.nav", "/admin/termine", 200, AppointmentsPermissions.Manage)];

    public Type? DashboardFigures => typeof(Admin.AppointmentsDashboardFigures);

    public MigrationSource Migrations => new("appointments", typeof(AppointmentsModule).Assembly);

    public IRecipeStep RecipeStep { get; } = new AppointmentsRecipeStep();

    public IReadOnlyList<RecurringTenantJob> Jobs { get; } =
    [
        new(global::Saas.Modules.Appointments.Jobs.HoldReleaseJob.Id, "*/5 * * * *", typeof(global::Saas.Modules.Appointments.Jobs.HoldReleaseJob)),
        new(global::Saas.Modules.Appointments.Jobs.ReminderJob.Id, "*/10 * * * *", typeof(global::Saas.Modules.Appointments.Jobs.ReminderJob)),
    ];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddTenantDbContext<AppointmentsDbContext>();
        services.AddMemoryCache();
        services.AddScoped<AppointmentsCatalog>();
        services.AddScoped<SlotLedger>();
        services.AddScoped<AppointmentBooker>();
        services.AddScoped<ConfirmationMail>();
        services.AddResidentBooking();
        services.AddScoped<Saas.Kernel.Privacy.IPersonalDataContributor, Privacy.AppointmentsPersonalData>();
        Admin.AppointmentsAdminServices.Add(services);
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapAppointmentsApi();
}
