using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Saas.Host.TownHall;
using Saas.IntegrationTests.Infrastructure;
using Saas.Kernel.Data;
using Saas.Kernel.Tenancy;
using Saas.Modules.News.Data;

namespace Saas.IntegrationTests.Isolation;

/// <summary>
/// The three walls between towns (ARCHITECTURE.md section 4), each tested with the walls above it
/// switched off or bypassed, through the app's own contexts and its own database role.
/// </summary>
public sealed class ThreeWallsTests(TwoTownsFixture towns) : IClassFixture<TwoTownsFixture>
{
    private const string RlsViolation = "42501";

    [Fact]
    public async Task Given_query_filters_off_in_town_A_When_every_table_is_read_Then_only_rows_of_A_come_back()
    {
        var (articles, categories) = await towns.AsTownAsync(towns.TownA, async db => (
            await TwoTownsFixture.AllArticles(db).Select(a => a.Id).ToListAsync(),
            await db.Categories.IgnoreQueryFilters([TenantDbContext.TenantFilter]).Select(c => c.TenantId).ToListAsync()));
        var townHall = await AsTownHallAsync(towns.TownA, async db => new[]
        {
            await db.Pages.IgnoreQueryFilters([TenantDbContext.TenantFilter]).Select(p => p.TenantId).ToListAsync(),
            await db.OpeningHours.IgnoreQueryFilters([TenantDbContext.TenantFilter]).Select(h => h.TenantId).ToListAsync(),
            await db.Media.IgnoreQueryFilters([TenantDbContext.TenantFilter]).Select(m => m.TenantId).ToListAsync(),
        });
        var articlesAsB = await towns.AsTownAsync(towns.TownB, db => TwoTownsFixture.AllArticles(db).Select(a => a.Id).ToListAsync());

        Assert.Equal(towns.ArticlesA.Order(), articles.Order());
        Assert.All(categories.Concat(townHall.SelectMany(rows => rows)), tenant => Assert.Equal(towns.TownA, tenant));
        Assert.Equal(await towns.CountAsOwnerAsync("core_pages", towns.TownA), townHall[0].Count);
        // B's rows exist and B sees them: A saw none of them because of row-level security, not because they are missing.
        Assert.NotEmpty(towns.ArticlesB);
        Assert.Equal(towns.ArticlesB.Order(), articlesAsB.Order());
    }

    [Fact]
    public async Task Given_town_A_When_raw_sql_inserts_rows_for_town_B_Then_postgres_refuses_them()
    {
        var article = await Assert.ThrowsAsync<PostgresException>(() => towns.AsTownAsync(towns.TownA, db => db.Database.ExecuteSqlAsync($"""
            INSERT INTO news_articles (tenant_id, id, slug, title, teaser, body, category_id, published_at, urgent, urgent_until, updated_at)
            VALUES ({towns.TownB}, {Guid.CreateVersion7()}, 'untergeschoben', 'Untergeschoben', 't', 'b', NULL, now(), false, NULL, now())
            """)));
        var page = await Assert.ThrowsAsync<PostgresException>(() => towns.AsTownAsync(towns.TownA, db => db.Database.ExecuteSqlAsync($"""
            INSERT INTO core_pages (tenant_id, id, key, title, body, updated_at)
            VALUES ({towns.TownB}, {Guid.CreateVersion7()}, 'untergeschoben', 'Untergeschoben', 'b', now())
            """)));

        Assert.All(new[] { article, page }, error =>
        {
            Assert.Equal(RlsViolation, error.SqlState);
            Assert.Contains("new row violates row-level security policy", error.MessageText, StringComparison.Ordinal);
        });
        Assert.Equal(towns.ArticlesB.Order(), (await towns.ArticleIdsAsOwnerAsync(towns.TownB)).Order());
        Assert.Equal(4, await towns.CountAsOwnerAsync("core_pages", towns.TownB));
    }

    [Fact]
    public async Task Given_town_A_When_raw_sql_updates_deletes_or_moves_rows_of_town_B_Then_nothing_of_B_changes()
    {
        var before = await towns.AsTownAsync(towns.TownB, db => TitlesAsync(db));

        var (updated, deleted) = await towns.AsTownAsync(towns.TownA, async db => (
            await db.Database.ExecuteSqlAsync($"UPDATE news_articles SET title = 'Gehackt' WHERE tenant_id = {towns.TownB}"),
            await db.Database.ExecuteSqlAsync($"DELETE FROM news_articles WHERE tenant_id = {towns.TownB}")));
        // Moving A's own rows into B must fail the policy's WITH CHECK.
        var moved = await Assert.ThrowsAsync<PostgresException>(() => towns.AsTownAsync(towns.TownA,
            db => db.Database.ExecuteSqlAsync($"UPDATE news_articles SET tenant_id = {towns.TownB} WHERE tenant_id = {towns.TownA}")));

        Assert.Equal(0, updated);
        Assert.Equal(0, deleted);
        Assert.Equal(RlsViolation, moved.SqlState);
        Assert.Equal(before, await towns.AsTownAsync(towns.TownB, db => TitlesAsync(db)));
        Assert.Equal(towns.ArticlesA.Order(), (await towns.ArticleIdsAsOwnerAsync(towns.TownA)).Order());
    }

    [Fact]
    public async Task Given_town_A_When_SaveChanges_adds_a_row_for_town_B_Then_it_is_refused_and_nothing_is_written()
    {
        var error = await Record.ExceptionAsync(() => towns.AsTownAsync(towns.TownA, db =>
        {
            db.Articles.Add(NewArticle(Guid.Empty, "a-erlaubt"));
            db.Articles.Add(NewArticle(towns.TownB, "b-untergeschoben"));
            return db.SaveChangesAsync();
        }));

        // Wall two must refuse it itself; a database error here would mean only wall three held.
        Assert.IsType<TenantMismatchException>(error);
        Assert.Equal(towns.ArticlesA.Order(), (await towns.ArticleIdsAsOwnerAsync(towns.TownA)).Order());
        Assert.Equal(towns.ArticlesB.Order(), (await towns.ArticleIdsAsOwnerAsync(towns.TownB)).Order());
    }

    [Fact]
    public async Task Given_town_A_When_a_row_is_moved_to_or_updated_as_town_B_Then_SaveChanges_throws_and_nothing_changes()
    {
        var victim = towns.ArticlesB.First();
        var before = await towns.TitlesAsOwnerAsync(towns.TownB);

        var moved = await Record.ExceptionAsync(() => towns.AsTownAsync(towns.TownA, async db =>
        {
            var own = await db.Articles.FirstAsync();
            own.TenantId = towns.TownB;
            return await db.SaveChangesAsync();
        }));
        var foreign = await Record.ExceptionAsync(() => towns.AsTownAsync(towns.TownA, db =>
        {
            var article = NewArticle(towns.TownB, "gehackt");
            article.Id = victim;
            db.Articles.Update(article);
            return db.SaveChangesAsync();
        }));

        // tenant_id leads the key, so EF itself refuses to change it; either refusal is an InvalidOperationException.
        Assert.IsAssignableFrom<InvalidOperationException>(moved);
        Assert.IsType<TenantMismatchException>(foreign);
        Assert.Equal(towns.ArticlesA.Order(), (await towns.ArticleIdsAsOwnerAsync(towns.TownA)).Order());
        Assert.Equal(before, await towns.TitlesAsOwnerAsync(towns.TownB));
    }

    [Fact]
    public async Task Given_no_town_When_rows_are_read_with_filters_off_or_raw_sql_Then_nothing_is_visible_and_nothing_can_be_saved()
    {
        // Use the two pooled connections for town A first, so a leaked setting would show up below.
        await towns.AsTownAsync(towns.TownA, db => TwoTownsFixture.AllArticles(db).CountAsync());
        await towns.AsTownAsync(towns.TownA, db => TwoTownsFixture.AllArticles(db).CountAsync());
        Assert.Null(AmbientTenant.Current);
        await using var scope = towns.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();

        var viaEf = await TwoTownsFixture.AllArticles(db).CountAsync();
        var viaSql = await db.Database.SqlQueryRaw<long>("SELECT count(*) AS \"Value\" FROM news_articles").SingleAsync();
        long viaPlainConnection;
        await using (var plain = new NpgsqlConnection(towns.Database.AppConnectionString))
        {
            await plain.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT count(*) FROM news_articles", plain);
            viaPlainConnection = (long)(await command.ExecuteScalarAsync())!;
        }
        db.Articles.Add(NewArticle(Guid.Empty, "ohne-stadt"));
        var save = await Record.ExceptionAsync(() => db.SaveChangesAsync());

        Assert.Equal(0, viaEf);
        Assert.Equal(0, viaSql);
        Assert.Equal(0, viaPlainConnection);
        Assert.IsType<TenantMismatchException>(save);
        Assert.True(await towns.CountAsOwnerAsync("news_articles", towns.TownA) > 0, "the rows exist; they are hidden, not missing");
    }

    [Fact]
    public async Task Given_10000_requests_alternating_between_two_towns_over_a_pool_of_two_connections_Then_each_answer_holds_only_its_own_articles()
    {
        const int Requests = 10_000;
        var clients = new[] { towns.Factory.ClientFor(TwoTownsFixture.HostA), towns.Factory.ClientFor(TwoTownsFixture.HostB) };
        var expected = new[] { towns.ArticlesA.Order().ToList(), towns.ArticlesB.Order().ToList() };
        var database = new NpgsqlConnectionStringBuilder(towns.Database.AppConnectionString).Database!;
        var failures = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var served = 0;
        using var commands = new DatabaseCommandCounter(database, "news_articles");

        await Parallel.ForEachAsync(Enumerable.Range(0, Requests), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            var town = i % 2;
            // A unique query value per request: the output cache varies by every query key, so each request is a miss.
            using var response = await clients[town].GetAsync($"/api/v1/news?pageSize=50&n={i}", ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            if (response.StatusCode != System.Net.HttpStatusCode.OK || response.Headers.Age is not null)
            {
                failures.Enqueue($"#{i} town {town}: {(int)response.StatusCode}, age {response.Headers.Age}");
                return;
            }
            using var json = System.Text.Json.JsonDocument.Parse(body);
            var ids = json.RootElement.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetGuid()).Order().ToList();
            if (!ids.SequenceEqual(expected[town]))
            {
                failures.Enqueue($"#{i} town {town}: got [{string.Join(", ", ids)}]");
                return;
            }
            Interlocked.Increment(ref served);
        });

        Assert.True(failures.IsEmpty, $"{failures.Count} wrong answers, e.g.:\n" + string.Join("\n", failures.Take(10)));
        Assert.Equal(Requests, served);
        // Every answer was computed from the database (a count and a page per request), not replayed from a cache.
        Assert.True(commands.Count >= Requests, $"only {commands.Count} news_articles queries reached PostgreSQL for {Requests} requests");
    }

    private Task<T> AsTownHallAsync<T>(Guid town, Func<TownHallDbContext, Task<T>> action) =>
        TestTowns.AsTownAsync(towns.Factory, town, services => action(services.GetRequiredService<TownHallDbContext>()));

    private static async Task<Dictionary<Guid, string>> TitlesAsync(NewsDbContext db) =>
        await TwoTownsFixture.AllArticles(db).ToDictionaryAsync(a => a.Id, a => a.Title);

    private static Article NewArticle(Guid tenant, string slug) => new()
    {
        TenantId = tenant,
        Slug = slug,
        Title = slug,
        Teaser = slug,
        Body = slug,
        PublishedAt = DateTime.UtcNow,
        UpdatedAt = DateTime.UtcNow,
    };
}
