using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Saas.Host;
using Saas.Host.Recipes;
using Saas.Kernel.Data;

namespace Saas.Benchmarks.TenantScale;

/// <summary>
/// Bench-only seeding of many towns into an embedded (SQLite) database, fast and honest:
/// <list type="number">
/// <item>the real startup path (<c>AddPlatform</c> + <c>InitializeAsync</c> with SeedDemoTenants) runs the
///   migrations and seeds the three demo towns from <c>tenants/</c>;</item>
/// <item><c>town-1</c> is created through <see cref="RecipeSeeder"/>, exactly as signup and the tests do
///   (registry row, feature, core pages, opening hours, news category and article);</item>
/// <item>towns 2..N are SQL copies of town-1's rows (every table with a <c>tenant_id</c>, plus the registry
///   rows), with a new tenant id, slug and name and the slug replaced in every text column, all in one
///   transaction. Tenant-owned ids are kept: keys are (tenant_id, id), so they stay unique.</item>
/// </list>
/// The host is started afterwards and loads the towns like any other.
/// </summary>
internal static class TownSeeding
{
    private const string Template = "town-1";

    public static async Task<int> RunAsync(string dataPath, int towns, string contentRoot)
    {
        var clock = Stopwatch.StartNew();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = contentRoot,
            EnvironmentName = "Production",
            Args = [$"--Platform:DataPath={dataPath}", "--Platform:SeedDemoTenants=true", "--Logging:LogLevel:Default=Warning"],
        });
        builder.AddPlatform(ModuleCatalog.All);
        await using var app = builder.Build();
        await app.InitializeAsync(ModuleCatalog.All);
        var database = app.Services.GetRequiredService<DatabaseOptions>();
        if (database.Provider != DatabaseProvider.Sqlite)
        {
            throw new InvalidOperationException("The bench seeder clones rows on SQLite only.");
        }
        var seeder = app.Services.GetRequiredService<RecipeSeeder>();
        await seeder.SeedAsync(new ValidatedRecipe($"bench:{Template}", TemplateRecipe(), null), CancellationToken.None);
        Console.WriteLine($"seed: migrations, 3 demo towns and {Template} via the recipe path in {clock.Elapsed.TotalSeconds:F1} s");

        clock.Restart();
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        await CloneAsync(connection, towns);
        Console.WriteLine($"seed: towns 2..{towns} cloned by SQL in {clock.Elapsed.TotalSeconds:F1} s");
        return 0;
    }

    private static async Task CloneAsync(SqliteConnection connection, int towns)
    {
        var templateId = (string)(await Scalar(connection, "SELECT id FROM platform_tenants WHERE slug = $slug", ("$slug", Template)))!;
        var existing = Convert.ToInt64(await Scalar(connection, "SELECT count(*) FROM platform_tenants WHERE slug LIKE 'town-%'"));
        if (existing >= towns)
        {
            Console.WriteLine($"seed: {existing} towns already there");
            return;
        }
        // Tenant-owned tables: every table with a tenant_id column, except the registry's own.
        var tables = new List<(string Table, List<(string Name, string Type)> Columns)>();
        foreach (var table in await Strings(connection, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"))
        {
            var columns = await Columns(connection, table);
            if (columns.Any(c => c.Name == "tenant_id"))
            {
                tables.Add((table, columns));
            }
        }
        // Parents before children (news_articles references news_categories).
        tables = tables.OrderBy(t => t.Table == "platform_tenants" ? 0 : t.Table.StartsWith("platform_", StringComparison.Ordinal) ? 1 : t.Table.Contains("categor", StringComparison.Ordinal) ? 2 : 3).ToList();
        var tenantColumns = await Columns(connection, "platform_tenants");

        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        var registryInsert = Command(connection, transaction,
            $"INSERT INTO platform_tenants ({string.Join(", ", tenantColumns.Select(c => c.Name))}) SELECT " +
            string.Join(", ", tenantColumns.Select(c => c.Name switch
            {
                "id" => "$id",
                "slug" => "$slug",
                _ when c.Type == "TEXT" => $"replace({c.Name}, '{Template}', $slug)",
                _ => c.Name,
            })) + " FROM platform_tenants WHERE id = $template");
        var ownedInserts = tables.Where(t => t.Table != "platform_tenants").Select(t => Command(connection, transaction,
            $"INSERT INTO {t.Table} ({string.Join(", ", t.Columns.Select(c => c.Name))}) SELECT " +
            string.Join(", ", t.Columns.Select(c => c.Name switch
            {
                "tenant_id" => "$id",
                _ when c.Type == "TEXT" => $"replace({c.Name}, '{Template}', $slug)",
                _ => c.Name,
            })) + $" FROM {t.Table} WHERE tenant_id = $template")).ToList();
        for (var n = 2; n <= towns; n++)
        {
            var id = Guid.CreateVersion7().ToString().ToUpperInvariant(); // the form EF Core stores a Guid in on SQLite
            foreach (var command in ownedInserts.Prepend(registryInsert))
            {
                command.Parameters["$id"].Value = id;
                command.Parameters["$slug"].Value = $"town-{n}";
                command.Parameters["$template"].Value = templateId;
                await command.ExecuteNonQueryAsync();
            }
        }
        await transaction.CommitAsync();
        Console.WriteLine($"seed: cloned into {string.Join(", ", tables.Select(t => t.Table))}");
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.Add("$id", SqliteType.Text);
        command.Parameters.Add("$slug", SqliteType.Text);
        command.Parameters.Add("$template", SqliteType.Text);
        command.Prepare();
        return command;
    }

    private static async Task<object?> Scalar(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        return await command.ExecuteScalarAsync();
    }

    private static async Task<List<string>> Strings(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var result = new List<string>();
        while (await reader.ReadAsync())
        {
            result.Add(reader.GetString(0));
        }
        return result;
    }

    private static async Task<List<(string Name, string Type)>> Columns(SqliteConnection connection, string table)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT name, type FROM pragma_table_info('{table}')";
        await using var reader = await command.ExecuteReaderAsync();
        var result = new List<(string, string)>();
        while (await reader.ReadAsync())
        {
            result.Add((reader.GetString(0), reader.GetString(1).ToUpperInvariant()));
        }
        return result;
    }

    /// <summary>The town every copy is made from: like the test towns (news on, one article), with its slug in its texts.</summary>
    private static Recipe TemplateRecipe()
    {
        var news = new
        {
            categories = new[] { new { slug = "rathaus", name = "Aus dem Rathaus" } },
            articles = new[]
            {
                new
                {
                    slug = "willkommen", title = $"Neues aus {Template}", category = "rathaus",
                    publishedAt = new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.FromHours(1)),
                    teaser = $"Das Rathaus {Template} informiert.", body = $"Erster Beitrag aus {Template}.",
                    urgent = false, urgentUntil = (DateTimeOffset?)null,
                },
            },
        };
        return new Recipe(
            Template, Template, "Gemeinde", false, "active", "klassisch", ["news"], null,
            new RecipeBranding("#1f4e79", "#9a7b00", null),
            new RecipeSettings("Europe/Berlin", ["de", "en"], "BB"),
            new RecipeContact($"Verwaltung {Template}", "Hauptstraße 1", "14806", Template, "0000 000", $"info@{Template}.example.org", null),
            [new RecipeOpeningHours("monday", "09:00", "12:00", null), new RecipeOpeningHours("thursday", "13:00", "18:00", null)],
            new Dictionary<string, RecipePage>
            {
                ["welcome"] = new($"Willkommen in {Template}", $"Welcome text of {Template}: Rathaus, Bürgerbüro und Aktuelles."),
                ["impressum"] = new("Impressum", $"Impressum of {Template}."),
                ["datenschutz"] = new("Datenschutzerklärung", $"Datenschutz of {Template}."),
                ["barrierefreiheit"] = new("Erklärung zur Barrierefreiheit", $"Barrierefreiheit of {Template}."),
            },
            new Dictionary<string, JsonElement> { ["news"] = JsonSerializer.SerializeToElement(news, JsonSerializerOptions.Web) });
    }
}
