using System.Diagnostics.CodeAnalysis;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Saas.IntegrationTests.Infrastructure;
using Saas.Kernel.Data;
using Saas.Modules.News.Data;

namespace Saas.IntegrationTests.Isolation;

/// <summary>
/// Two towns with news on one real PostgreSQL. The application pool holds only two connections,
/// so every request reuses a connection another town used a moment ago: exactly where a
/// forgotten <c>app.tenant_id</c> would leak.
/// </summary>
public sealed class TwoTownsFixture : IAsyncLifetime
{
    public const string HostA = "town-a.localhost";
    public const string HostB = "town-b.localhost";

    public TestDatabase Database { get; private set; } = null!;

    public PlatformFactory Factory { get; private set; } = null!;

    public Guid TownA { get; private set; }

    public Guid TownB { get; private set; }

    public IReadOnlySet<Guid> ArticlesA { get; private set; } = null!;

    public IReadOnlySet<Guid> ArticlesB { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var database = await TestDatabase.CreateAsync("walls");
        Database = database with
        {
            AppConnectionString = new NpgsqlConnectionStringBuilder(database.AppConnectionString) { MaxPoolSize = 2 }.ConnectionString,
        };
        Factory = new PlatformFactory(new PlatformFactoryOptions { Database = Database });
        TownA = await TestTowns.CreateAsync(Factory, "town-a", articles:
            [("a-markt", "Markt in A", "A1"), ("a-schule", "Schule in A", "A2"), ("a-bus", "Bus in A", "A3")]);
        TownB = await TestTowns.CreateAsync(Factory, "town-b", articles:
            [("b-markt", "Markt in B", "B1"), ("b-kita", "Kita in B", "B2"), ("b-rad", "Radweg in B", "B3")]);
        // Read as the owner (no RLS question involved), so the expectations do not depend on the walls under test.
        ArticlesA = await ArticleIdsAsOwnerAsync(TownA);
        ArticlesB = await ArticleIdsAsOwnerAsync(TownB);
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();

    /// <summary>Runs <paramref name="action"/> with the news context of a town, as inside one of its requests.</summary>
    internal Task<T> AsTownAsync<T>(Guid town, Func<NewsDbContext, Task<T>> action) =>
        TestTowns.AsTownAsync(Factory, town, services => action(services.GetRequiredService<NewsDbContext>()));

    /// <summary>The ids of a town's articles as the owner sees them (superuser: RLS does not apply).</summary>
    public async Task<IReadOnlySet<Guid>> ArticleIdsAsOwnerAsync(Guid town)
    {
        await using var connection = new NpgsqlConnection(Database.OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT id FROM news_articles WHERE tenant_id = @t", connection);
        command.Parameters.AddWithValue("t", town);
        var ids = new HashSet<Guid>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetGuid(0));
        }
        return ids;
    }

    /// <summary>Titles of a town's articles as the owner sees them, to prove an attack changed nothing.</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> TitlesAsOwnerAsync(Guid town)
    {
        await using var connection = new NpgsqlConnection(Database.OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT id, title FROM news_articles WHERE tenant_id = @t", connection);
        command.Parameters.AddWithValue("t", town);
        var titles = new Dictionary<Guid, string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            titles[reader.GetGuid(0)] = reader.GetString(1);
        }
        return titles;
    }

    /// <summary>Counts all rows of <paramref name="table"/> with the given tenant as the owner.</summary>
    [SuppressMessage("Security", "CA2100", Justification = "Table names come from the tests, not from input.")]
    public async Task<long> CountAsOwnerAsync(string table, Guid town)
    {
        await using var connection = new NpgsqlConnection(Database.OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM {table} WHERE tenant_id = @t", connection);
        command.Parameters.AddWithValue("t", town);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The tenant filter switched off: only row-level security is left between the towns.</summary>
    internal static IQueryable<Article> AllArticles(NewsDbContext db) => db.Articles.IgnoreQueryFilters([TenantDbContext.TenantFilter]);
}
