using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Saas.Kernel.Data;
using Saas.Kernel.Modules;
using Saas.Modules.WasteCalendar.Addresses;
using Saas.Modules.WasteCalendar.Admin;
using Saas.Modules.WasteCalendar.Api;
using Saas.Modules.WasteCalendar.Calendar;
using Saas.Modules.WasteCalendar.Data;
using Saas.Modules.WasteCalendar.Import;
using Saas.Modules.WasteCalendar.Recipe;

namespace Saas.Modules.WasteCalendar;

/// <summary>Waste calendar (Abfallkalender): waste types, collection areas with their streets, collection dates, ICS feeds.</summary>
public sealed class WasteCalendarModule : IModule
{
    public const string Feature = "waste-calendar";

    public string FeatureKey => Feature;

    public string NameKey => "waste.module";

    public IReadOnlyList<Permission> Permissions { get; } =
    [
        new(WastePermissions.Manage, "waste.permission.manage", ["TenantAdmin"]),
    ];

    public IReadOnlyList<NavigationItem> Navigation { get; } = [new("waste.nav", "/abfall", 300)];

    public IReadOnlyList<NavigationItem> AdminNavigation { get; } = [new("waste.admin.nav", "/admin/abfall", 300, WastePermissions.Manage)];

    public MigrationSource Migrations => new("waste", typeof(WasteCalendarModule).Assembly);

    public IRecipeStep RecipeStep { get; } = new WasteRecipeStep();

    public IReadOnlyList<RecurringTenantJob> Jobs { get; } = [];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddMemoryCache();
        services.AddTenantDbContext<WasteDbContext>();
        services.AddScoped<WasteQueries>();
        services.AddScoped<AddressSearch>();
        services.AddScoped<CalendarFeed>();
        services.AddScoped<WasteEditor>();
        services.AddScoped<CsvImport>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapWasteApi();
        endpoints.MapWasteFeed();
    }
}
