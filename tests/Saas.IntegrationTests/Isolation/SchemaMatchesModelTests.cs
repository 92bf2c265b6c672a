using System.Data.Common;
using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Saas.Host;
using Saas.Host.Tenancy;
using Saas.Host.TownHall;
using Saas.IntegrationTests.Infrastructure;
using Saas.Kernel.Tenancy;
using Saas.Modules.News.Data;

namespace Saas.IntegrationTests.Isolation;

/// <summary>
/// The EF model and the hand-written SQL migrations are two descriptions of one schema, per
/// provider. Both providers must start, migrate, seed the demo towns and then agree on every
/// table and column; otherwise a page fails only when someone first opens it.
/// </summary>
public sealed class SchemaMatchesModelTests
{
    private static readonly (string Host, string Name)[] DemoTowns =
        [("bad-belzig.localhost", "Bad Belzig"), ("wiesenburg-mark.localhost", "Wiesenburg/Mark"), ("treuenbrietzen.localhost", "Treuenbrietzen")];

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Given_a_fresh_database_When_the_app_starts_with_demo_towns_Then_every_entity_set_matches_its_table_and_the_towns_are_served(string provider)
    {
        var sqliteFolder = Path.Combine(Path.GetTempPath(), "saas-tests", "schema-" + Guid.NewGuid().ToString("N"));
        var options = provider == "postgres"
            ? new PlatformFactoryOptions { Database = await TestDatabase.CreateAsync("schema_model"), SeedDemoTowns = true }
            : new PlatformFactoryOptions { SqliteFolder = sqliteFolder, SeedDemoTowns = true };
        var factory = new PlatformFactory(options);
        try
        {
            var town = factory.Service<TenantRegistry>().FindBySlug("bad-belzig") ?? throw new InvalidOperationException("demo town not seeded");
            var problems = await CheckEveryEntitySetAsync(factory, town);

            Assert.True(problems.Count == 0, $"{provider}: model and schema disagree:\n" + string.Join("\n", problems));
            foreach (var (host, name) in DemoTowns)
            {
                var response = await factory.ClientFor(host).GetAsync("/");
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Contains(name, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }
        finally
        {
            await factory.DisposeAsync();
            SqliteConnection.ClearAllPools();
            if (Directory.Exists(sqliteFolder))
            {
                Directory.Delete(sqliteFolder, recursive: true);
            }
        }
    }

    /// <summary>
    /// Tables the demo towns cannot fill because only use fills them (sign-ins, tokens, support
    /// visits, uploads). Their columns are still compared with the model below; their rows are read
    /// by the tests of the features that write them.
    /// </summary>
    private static readonly HashSet<string> FilledByUse = new(StringComparer.Ordinal)
    {
        "platform_staff", "platform_support_grants", "platform_signups", "core_audit_log", "news_images",
        "core_openid_applications", "core_openid_authorizations", "core_openid_scopes", "core_openid_tokens",
        "appointments_bookings", "appointments_slot_counts",
        // Staff add special days and further locations of a service; the demo recipes have none.
        "appointments_special_days", "appointments_service_locations",
        // Residents subscribe to waste reminders, the job claims what it mails, staff write notices and rules;
        // the waste tests (WasteReminderTests, WasteNoticeAndRuleTests) write and read every one of them.
        "waste_subscriptions", "waste_reminders_sent", "waste_notices", "waste_notice_areas", "waste_notices_sent",
        "waste_rules", "waste_rule_exceptions",
        // Only residents applying fill these; demo towns carry no made-up applicants.
        "jobs_applications", "jobs_attachments",
        // Residents book desks and order 10-day passes; the demo recipes seed spaces and desks only.
        "coworking_bookings", "coworking_passes",
    };

    /// <summary>Reads one row of every entity set of every DbContext of the app, inside the town, and compares columns.</summary>
    private static async Task<List<string>> CheckEveryEntitySetAsync(PlatformFactory factory, TenantSnapshot town)
    {
        var problems = new List<string>();
        var contextTypes = ModuleCatalog.All.Select(m => m.Assembly).Prepend(typeof(Program).Assembly).Distinct()
            .SelectMany(a => a.GetTypes())
            .Where(t => typeof(DbContext).IsAssignableFrom(t) && !t.IsAbstract)
            .ToList();
        // Guards against a vacuous pass: the discovery must at least find the contexts we know of.
        Assert.Superset(new HashSet<Type> { typeof(RegistryDbContext), typeof(TownHallDbContext), typeof(NewsDbContext) }, contextTypes.ToHashSet());

        using var _ = AmbientTenant.Begin(town);
        await using var scope = factory.Services.CreateAsyncScope();
        foreach (var type in contextTypes)
        {
            await using var db = Resolve(scope.ServiceProvider, type);
            foreach (var entity in db.Model.GetEntityTypes().Where(e => !e.IsOwned() && e.GetTableName() is not null))
            {
                var table = entity.GetTableName()!;
                try
                {
                    var rows = await (Task<int>)typeof(SchemaMatchesModelTests).GetMethod(nameof(ReadOneAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
                        .MakeGenericMethod(entity.ClrType).Invoke(null, [db])!;
                    if (rows == 0 && !FilledByUse.Contains(table))
                    {
                        // The demo towns fill every table, so each column is read (and converted) at least once.
                        problems.Add($"{type.Name}.{entity.ClrType.Name} ({table}): no row of {town.Slug} to read");
                    }
                    problems.AddRange(await CompareColumnsAsync(db, entity, table));
                }
                catch (Exception ex) when (ex is DbException or InvalidOperationException or InvalidCastException or FormatException)
                {
                    problems.Add($"{type.Name}.{entity.ClrType.Name} ({table}): {ex.GetType().Name}: {ex.Message}");
                }
            }
        }
        return problems;
    }

    private static DbContext Resolve(IServiceProvider services, Type type)
    {
        var factoryType = typeof(IDbContextFactory<>).MakeGenericType(type);
        return services.GetService(factoryType) is { } contexts
            ? (DbContext)factoryType.GetMethod(nameof(IDbContextFactory<DbContext>.CreateDbContext))!.Invoke(contexts, null)!
            : (DbContext)services.GetRequiredService(type);
    }

    private static async Task<int> ReadOneAsync<T>(DbContext db) where T : class =>
        (await db.Set<T>().IgnoreQueryFilters().AsNoTracking().Take(1).ToListAsync()).Count;

    /// <summary>The table's columns (as the database reports them) against the entity's mapped columns, both ways.</summary>
    private static async Task<IEnumerable<string>> CompareColumnsAsync(DbContext db, IEntityType entity, string table)
    {
        var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
        var mapped = entity.GetProperties().Select(p => p.GetColumnName(store)).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var actual = new HashSet<string>(StringComparer.Ordinal);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // the table name comes from the EF model, not from input
            command.CommandText = $"SELECT * FROM \"{table}\" LIMIT 0";
#pragma warning restore CA2100
            await using var reader = await command.ExecuteReaderAsync();
            for (var i = 0; i < reader.FieldCount; i++)
            {
                actual.Add(reader.GetName(i));
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return mapped.Except(actual).Select(c => $"{entity.ClrType.Name} ({table}): column {c} is in the model but not in the table")
            .Concat(actual.Except(mapped).Select(c => $"{entity.ClrType.Name} ({table}): column {c} is in the table but not in the model"));
    }
}
