using System.Reflection;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Saas.Kernel.Modules;

/// <summary>
/// Everything a module is, in one place: its feature key (the billing unit), permissions,
/// navigation, services, API endpoints, data (migrations), recipe step and jobs. Its Razor
/// pages are discovered from its assembly and gated by the host with the same feature key.
/// </summary>
public interface IModule
{
    /// <summary>The billing unit and gate: a town without this key never sees the module.</summary>
    string FeatureKey { get; }

    /// <summary>Resource key of the module's display name.</summary>
    string NameKey { get; }

    Assembly Assembly => GetType().Assembly;

    IReadOnlyList<Permission> Permissions { get; }

    IReadOnlyList<NavigationItem> Navigation { get; }

    /// <summary>
    /// Entries of the staff area's menu (<c>/admin</c>); each names the permission a role must hold
    /// to see it. Hidden, like the module's pages, when the town lacks the feature.
    /// </summary>
    IReadOnlyList<NavigationItem> AdminNavigation => [];

    /// <summary>
    /// Entries of the resident's account menu (<c>/konto</c>), such as "My appointments"; shown while
    /// the town has the feature.
    /// </summary>
    IReadOnlyList<NavigationItem> AccountNavigation => [];

    /// <summary>
    /// A scoped service implementing <see cref="IDashboardFigures"/> whose figures the staff dashboard
    /// shows while the town has the feature; none by default. The host registers it.
    /// </summary>
    Type? DashboardFigures => null;

    /// <summary>Registers the module's services; called once for all towns (no per-town containers).</summary>
    void AddServices(IServiceCollection services, IConfiguration configuration);

    /// <summary>Maps the module's API endpoints into a group the host has already gated by <see cref="FeatureKey"/>.</summary>
    void MapEndpoints(IEndpointRouteBuilder endpoints);

    /// <summary>Where the module's versioned SQL migrations live (embedded resources).</summary>
    MigrationSource Migrations { get; }

    /// <summary>Applies the module's part of a town recipe (<c>steps.&lt;featureKey&gt;</c>).</summary>
    IRecipeStep? RecipeStep { get; }

    /// <summary>Recurring jobs the host runs once per active town that has the feature.</summary>
    IReadOnlyList<RecurringTenantJob> Jobs { get; }
}

/// <summary>A permission a module defines, with the roles that get it by default.</summary>
public sealed record Permission(string Name, string DescriptionKey, IReadOnlyList<string> DefaultRoles);

/// <summary>
/// An entry of the town's main navigation, or of the staff menu; there <paramref name="Permission"/>
/// names the permission (a module's <see cref="Permission.Name"/>) a role needs to see it.
/// </summary>
public sealed record NavigationItem(string TitleKey, string Href, int Order, string? Permission = null);

/// <summary>Embedded SQL scripts named <c>Migrations.{provider}.NNNN_name.sql</c> in <paramref name="Assembly"/>.</summary>
public sealed record MigrationSource(string Module, Assembly Assembly);

/// <summary>A job the host schedules with <paramref name="Cron"/> and runs for each active town with the feature.</summary>
public sealed record RecurringTenantJob(string Id, string Cron, Type Handler);

/// <summary>A per-town job body; the town is already set in <c>ITenantContext</c> when it runs.</summary>
public interface ITenantJob
{
    Task RunAsync(CancellationToken cancellationToken);
}
