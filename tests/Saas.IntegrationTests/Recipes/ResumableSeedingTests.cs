using System.Net;
using Npgsql;
using Saas.Host.Recipes;
using Saas.IntegrationTests.Infrastructure;

namespace Saas.IntegrationTests.Recipes;

/// <summary>
/// Seeding runs in stages and every stage only adds what is missing, so a crash halfway is
/// repaired by running the seeder again, without duplicates, and the town stays offline until
/// the last stage succeeded.
/// </summary>
public sealed class ResumableSeedingTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private PlatformFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("resume");
        _factory = new PlatformFactory(new PlatformFactoryOptions { Database = _database });
        _ = _factory.Services;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Given_a_seed_that_crashed_in_the_news_step_When_the_seeder_runs_twice_more_Then_the_town_is_complete_once_and_online()
    {
        var recipe = MalformedRecipeTests.Reader().Read(Path.Combine(AppContext.BaseDirectory, "TestRecipes", "valid", "musterdorf", "recipe.json"));
        var seeder = _factory.Service<RecipeSeeder>();
        // The crash: PostgreSQL refuses the first news row, after the registry row and the town hall content were stored.
        await ExecuteAsync("""
            CREATE FUNCTION simulated_crash() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'simulated crash'; END $$;
            CREATE TRIGGER simulated_crash BEFORE INSERT ON news_articles FOR EACH ROW EXECUTE FUNCTION simulated_crash();
            """);

        var crash = await Record.ExceptionAsync(() => seeder.SeedAsync(recipe, CancellationToken.None));

        Assert.Contains("simulated crash", crash?.ToString(), StringComparison.Ordinal);
        Assert.Equal("provisioning", await ScalarAsync<string>("SELECT state FROM platform_tenants WHERE slug = 'musterdorf'"));
        Assert.Equal(4L, await CountAsync("core_pages"));
        Assert.Equal(0L, await CountAsync("news_articles"));
        // Fail-closed: a half-seeded town answers nothing.
        Assert.Equal(HttpStatusCode.NotFound, (await _factory.ClientFor("musterdorf.localhost").GetAsync("/")).StatusCode);

        await ExecuteAsync("DROP TRIGGER simulated_crash ON news_articles");
        var first = await seeder.SeedAsync(recipe, CancellationToken.None);
        var second = await seeder.SeedAsync(recipe, CancellationToken.None);

        Assert.Equal(first, second);
        Assert.Equal(1L, await ScalarAsync<long>("SELECT count(*) FROM platform_tenants WHERE slug = 'musterdorf'"));
        Assert.Equal("active", await ScalarAsync<string>("SELECT state FROM platform_tenants WHERE slug = 'musterdorf'"));
        var expected = recipe.Recipe;
        Assert.Equal(4L, await CountAsync("core_pages"));
        Assert.Equal((long)expected.OpeningHours.Count, await CountAsync("core_opening_hours"));
        Assert.Equal(1L, await CountAsync("core_media"));
        Assert.Equal(2L, await CountAsync("news_categories"));
        Assert.Equal(2L, await CountAsync("news_articles"));
        Assert.Equal((long)expected.Features.Count, await CountAsync("platform_tenant_features"));
        Assert.Equal((long)expected.Domains!.Count, await CountAsync("platform_tenant_domains"));
        var home = await _factory.ClientFor("musterdorf.localhost").GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("Willkommen in Musterdorf", await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private Task<long> CountAsync(string table) => ScalarAsync<long>($"SELECT count(*) FROM {table}");

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(_database.OwnerConnectionString);
        await connection.OpenAsync();
#pragma warning disable CA2100 // fixed statements of this test
        await using var command = new NpgsqlCommand(sql, connection);
#pragma warning restore CA2100
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_database.OwnerConnectionString);
        await connection.OpenAsync();
#pragma warning disable CA2100 // fixed statements of this test
        await using var command = new NpgsqlCommand(sql, connection);
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync();
    }
}
