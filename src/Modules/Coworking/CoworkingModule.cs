using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Saas.Kernel.Data;
using Saas.Kernel.Modules;
using Saas.Modules.Coworking.Admin;
using Saas.Modules.Coworking.Booking;
using Saas.Modules.Coworking.Data;
using Saas.Modules.Coworking.Recipe;

namespace Saas.Modules.Coworking;

/// <summary>Co-working desk booking: spaces with desks and rooms, bookings by signed-in residents, 10-day passes, the front desk's day and month.</summary>
public sealed class CoworkingModule : IModule
{
    public const string Feature = "coworking";

    public string FeatureKey => Feature;

    public string NameKey => "coworking.module";

    public IReadOnlyList<Permission> Permissions { get; } =
    [
        new(CoworkingPermissions.Manage, "coworking.permission.manage", ["TenantAdmin"]),
    ];

    public IReadOnlyList<NavigationItem> Navigation { get; } = [new("coworking.nav", "/coworking", 500)];

    public IReadOnlyList<NavigationItem> AdminNavigation { get; } = [new("coworking.admin.nav", "/admin/coworking", 500, CoworkingPermissions.Manage)];

    public MigrationSource Migrations => new("coworking", typeof(CoworkingModule).Assembly);

    public IRecipeStep RecipeStep { get; } = new CoworkingRecipeStep();

    public IReadOnlyList<RecurringTenantJob> Jobs { get; } = [];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddTenantDbContext<CoworkingDbContext>();
        services.AddScoped<TownTime>();
        services.AddScoped<Availability>();
        services.AddScoped<DeskBooker>();
        services.AddScoped<PassOrders>();
        services.AddScoped<BookingMail>();
        services.AddScoped<SpaceEditor>();
        services.AddScoped<StaffDesk>();
        services.AddScoped<Saas.Kernel.Privacy.IPersonalDataContributor, Privacy.CoworkingPersonalData>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }
}
