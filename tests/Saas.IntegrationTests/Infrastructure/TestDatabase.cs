using Npgsql;
using Saas.TestInfrastructure;

namespace Saas.IntegrationTests.Infrastructure;

/// <summary>
/// A fresh PostgreSQL database for one test class, with its own application role: the owner
/// (superuser here) runs migrations, the app connects as a role that owns nothing and lacks BYPASSRLS.
/// </summary>
public sealed record TestDatabase(string OwnerConnectionString, string AppConnectionString, string AppRole)
{
    public static async Task<TestDatabase> CreateAsync(string prefix)
    {
        var server = await PostgresServer.GetAsync();
        var owner = await server.CreateDatabaseAsync(prefix);
        var role = PostgresServer.UniqueName("app");
        var app = new NpgsqlConnectionStringBuilder(owner) { Username = role, Password = "app-" + role, MaxPoolSize = 20 }.ConnectionString;
        return new TestDatabase(owner, app, role);
    }
}
