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
using Saas.Modules.WasteCalendar.Jobs;
using Saas.Modules.WasteCalendar.Notices;
using Saas.Modules.WasteCalendar.Reminders;
using Saas.Modules.WasteCalendar.Rules;
using Saas.Modules.WasteCalendar.Recipe;

namespace Saas.Modules.WasteCalendar;

/// <summary>Waste calendar (Abfallkalender): waste types, collection areas with their streets, collection dates, ICS feeds,
/// e-mail reminders with double opt-in, disruption notices, recurring rules.</summary>
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

    public IReadOnlyList<RecurringTenantJob> Jobs { get; } = [new(WasteReminderJob.Id, "*/10 * * * *", typeof(WasteReminderJob))];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddMemoryCache();
        services.AddTenantDbContext<WasteDbContext>();
        services.AddScoped<WasteQueries>();
        services.AddScoped<AddressSearch>();
        services.AddScoped<CalendarFeed>();
        services.AddScoped<WasteEditor>();
        services.AddScoped<CsvImport>();
        services.AddSingleton<SubscriptionTokens>();
        services.AddScoped<WasteMails>();
        services.AddScoped<Subscriber>();
        services.AddScoped<WasteReminderJob>();
        services.AddScoped<NoticeEditor>();
        services.AddScoped<RuleEditor>();
        services.AddScoped<WasteFigures>();
        services.AddScoped<Saas.Kernel.Privacy.IPersonalDataContributor, WastePersonalData>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapWasteApi();
        endpoints.MapWasteFeed();
    }
}
