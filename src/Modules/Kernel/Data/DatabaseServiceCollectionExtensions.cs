using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Saas.Kernel.Tenancy;

namespace Saas.Kernel.Data;

public static class DatabaseServiceCollectionExtensions
{
    /// <summary>Registers a module's DbContext on the deployment's provider, with the tenant walls in place.</summary>
    public static IServiceCollection AddTenantDbContext<TContext>(this IServiceCollection services)
        where TContext : DbContext
    {
        services.AddDbContext<TContext>((provider, options) => provider.GetRequiredService<DatabaseOptions>().Configure(options, provider));
        return services;
    }

    /// <summary>Points <paramref name="options"/> at the configured database and adds the connection interceptor.</summary>
    public static DbContextOptionsBuilder Configure(this DatabaseOptions database, DbContextOptionsBuilder options, IServiceProvider services)
    {
        switch (database.Provider)
        {
            case DatabaseProvider.Postgres:
                options.UseNpgsql(database.ConnectionString);
                options.AddInterceptors(new TenantConnectionInterceptor(services.GetRequiredService<ITenantContext>()));
                break;
            default:
                options.UseSqlite(database.ConnectionString);
                options.AddInterceptors(SqlitePragmas.Instance);
                break;
        }
        return options;
    }
}
