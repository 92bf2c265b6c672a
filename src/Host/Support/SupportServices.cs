using Microsoft.AspNetCore.Mvc.RazorPages;
using Saas.Host.Accounts;
using Saas.Host.Support.Access;
using Saas.Host.Support.Diagnostics;
using Saas.Host.Support.Team;
using Saas.Host.Support.TownSide;
using Saas.Host.Support.Towns;
using Saas.Kernel.Data;
using Saas.Kernel.Modules;
using Saas.Kernel.Security;

namespace Saas.Host.Support;

/// <summary>The vendor's support console (<c>/support</c> on the platform host) and its town-side half (support access).</summary>
internal static class SupportServices
{
    public static IServiceCollection AddSupport(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SupportOptions>(configuration.GetSection("Support"));
        services.AddDbContext<SupportGrantsDbContext>((provider, options) => provider.GetRequiredService<DatabaseOptions>().Configure(options, provider));
        services.AddScoped<SupportAccess>();
        services.AddScoped<ISupportAccessGrants>(provider => provider.GetRequiredService<SupportAccess>());
        services.AddSingleton<SupportAccessToken>();
        services.AddScoped<SupportAccessBanner>();
        services.AddSingleton<SupportAudit>();
        services.AddSingleton<TownFiguresCache>();
        services.AddScoped<TownDirectory>();
        services.AddScoped<TownActions>();
        services.AddScoped<SupportTeam>();
        services.AddSingleton<RecentErrors>();
        services.AddSingleton<ILoggerProvider, RecentErrorsLoggerProvider>();
        services.AddSingleton<RecentJobs>();
        services.AddSingleton<Platform.StartupNotes>();
        services.AddHostedService<SupportBootstrap>();

        services.Configure<RazorPagesOptions>(options =>
        {
            // The console exists on the platform host only: on a town's host its paths are absent (404).
            options.Conventions.AddFolderApplicationModelConvention("/Support", m => m.EndpointMetadata.Add(new SiteAttribute(Site.Platform)));
            options.Conventions.AuthorizeFolder("/Support", Policies.Support);
            options.Conventions.AuthorizeFolder("/Support/Team", Policies.SupportAdmin);
            options.Conventions.AllowAnonymousToPage("/Support/Anmelden");
            options.Conventions.AllowAnonymousToPage("/Support/Code");
            options.Conventions.AllowAnonymousToPage("/Support/Einrichten");
            options.Conventions.AllowAnonymousToPage("/Support/Einladung");
        });
        return services;
    }

    public static IEndpointRouteBuilder MapSupport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapSupportDashboard();
        return endpoints;
    }
}
