using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Saas.Host;
using Saas.Host.Recipes;

namespace Saas.Benchmarks.Appointments;

/// <summary>
/// Bench-only seeding for the appointments benchmark, on PostgreSQL (the production database):
/// <c>template</c> runs the real startup (migrations, demo towns) and creates <c>termin-1</c> through
/// <see cref="RecipeSeeder"/>: one Bürgerbüro with 3 counters, a 15-minute grid, Monday to Friday
/// 08:00-12:00 and 13:00-18:00, and 10 services of 15 to 45 minutes. Its bookings are then made
/// through the real API by <see cref="AppointmentsLoad"/>. <c>clone</c> copies termin-1 with all of
/// its rows (bookings and slot counts included) to termin-2..N in set-based SQL as the owner role.
/// </summary>
internal static class AppointmentsSeeding
{
    internal const string Template = "termin-1";

    public static async Task<int> TemplateAsync(string contentRoot)
    {
        var clock = Stopwatch.StartNew();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = contentRoot,
            EnvironmentName = "Production",
            Args = ["--Platform:SeedDemoTenants=true", "--Logging:LogLevel:Default=Warning"],
        });
        builder.AddPlatform(ModuleCatalog.All);
        await using var app = builder.Build();
        await app.InitializeAsync(ModuleCatalog.All);
        var seeder = app.Services.GetRequiredService<RecipeSeeder>();
        await seeder.SeedAsync(new ValidatedRecipe($"bench:{Template}", TemplateRecipe(), null), CancellationToken.None);
        Console.WriteLine($"seed: migrations, demo towns and {Template} via the recipe path in {clock.Elapsed.TotalSeconds:F1} s");
        return 0;
    }

    public static async Task<int> SqlAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await Execute(connection, sql);
        return 0;
    }

    /// <summary>Copies termin-1 to termin-2..<paramref name="towns"/>: one INSERT ... SELECT per table over all new towns.</summary>
    public static async Task<int> CloneAsync(string ownerConnectionString, int towns)
    {
        var clock = Stopwatch.StartNew();
        await using var connection = new NpgsqlConnection(ownerConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await Execute(connection, $"""
            CREATE TEMP TABLE bench_towns ON COMMIT DROP AS
            SELECT gen_random_uuid() AS id, 'termin-' || n AS slug FROM generate_series(2, {towns}) AS n;
            """);
        var template = (Guid)(await Scalar(connection, $"SELECT id FROM platform_tenants WHERE slug = '{Template}'"))!;

        // The API's bookings are holds until the resident follows the mail's link; the template's are
        // confirmed here (as the link would), so no copy expires and frees its cells during the measurement.
        var confirmed = await Execute(connection,
            $"UPDATE appointments_bookings SET confirmed_at = created_at WHERE tenant_id = '{template}' AND confirmed_at IS NULL AND cancelled_at IS NULL");
        Console.WriteLine($"seed: {confirmed} holds of {Template} confirmed");
        var tables = await TenantTables(connection);
        foreach (var (table, columns) in tables)
        {
            var key = table == "platform_tenants" ? "id" : "tenant_id";
            var select = string.Join(", ", columns.Select(c => c.Name switch
            {
                _ when c.Name == key => "b.id",
                "slug" when table == "platform_tenants" => "b.slug",
                _ when c.Type is "text" or "character varying" => $"replace(t.{c.Name}, '{Template}', b.slug)",
                _ => $"t.{c.Name}",
            }));
            var rows = await Execute(connection,
                $"INSERT INTO {table} ({string.Join(", ", columns.Select(c => c.Name))}) SELECT {select} FROM {table} t CROSS JOIN bench_towns b WHERE t.{key} = '{template}'");
            if (rows > 0)
            {
                Console.WriteLine($"seed: {table}: {rows:N0} rows");
            }
        }
        await transaction.CommitAsync();
        await Execute(connection, "ANALYZE");
        Console.WriteLine($"seed: termin-2..termin-{towns} cloned in {clock.Elapsed.TotalSeconds:F1} s");
        return 0;
    }

    /// <summary>platform_tenants first, then every table with a tenant_id, parents before children (by foreign keys).</summary>
    private static async Task<List<(string Table, List<(string Name, string Type)> Columns)>> TenantTables(NpgsqlConnection connection)
    {
        var columns = new Dictionary<string, List<(string, string)>>();
        await using (var command = new NpgsqlCommand("""
            SELECT table_name, column_name, data_type FROM information_schema.columns
            WHERE table_schema = 'public' AND table_name IN (
                SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'tenant_id'
                UNION SELECT 'platform_tenants')
            ORDER BY table_name, ordinal_position
            """, connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                var table = reader.GetString(0);
                if (!columns.TryGetValue(table, out var list))
                {
                    columns[table] = list = [];
                }
                list.Add((reader.GetString(1), reader.GetString(2)));
            }
        }
        var parents = new Dictionary<string, HashSet<string>>();
        await using (var command = new NpgsqlCommand("""
            SELECT conrelid::regclass::text, confrelid::regclass::text FROM pg_constraint WHERE contype = 'f'
            """, connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                var child = reader.GetString(0);
                if (!parents.TryGetValue(child, out var set))
                {
                    parents[child] = set = [];
                }
                set.Add(reader.GetString(1));
            }
        }
        var ordered = new List<string>();
        void Visit(string table)
        {
            if (ordered.Contains(table) || !columns.ContainsKey(table))
            {
                return;
            }
            foreach (var parent in parents.GetValueOrDefault(table) ?? [])
            {
                if (parent != table)
                {
                    Visit(parent);
                }
            }
            ordered.Add(table);
        }
        Visit("platform_tenants");
        foreach (var table in columns.Keys.Order())
        {
            Visit(table);
        }
        return ordered.Select(t => (t, columns[t])).ToList();
    }

    private static async Task<int> Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 1800 };
        return await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> Scalar(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    private static Recipe TemplateRecipe()
    {
        string[] weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday"];
        var appointments = new
        {
            locations = new[]
            {
                new
                {
                    key = "buergerbuero", name = $"Bürgerbüro {Template}", street = "Hauptstraße 1", postalCode = "14806", city = Template,
                    accessibilityNote = "Ebenerdiger Eingang.", counters = 3, slotMinutes = 15, minimumNoticeMinutes = 0, horizonDays = 90,
                    openingHours = weekdays.SelectMany(d => new[] { new { day = d, opens = "08:00", closes = "12:00" }, new { day = d, opens = "13:00", closes = "18:00" } }).ToArray(),
                    closedDays = Array.Empty<object>(),
                },
            },
            services = Enumerable.Range(1, 10).Select(i => new
            {
                location = "buergerbuero", name = $"Dienstleistung {i}", description = $"Beschreibung {i} in {Template}.",
                whatToBring = "Personalausweis.", durationMinutes = 15 * (1 + (i % 3)), feeNote = "Gebührenfrei.",
            }).ToArray(),
        };
        return new Recipe(
            Template, Template, "Gemeinde", false, "active", "klassisch", ["appointments"], null,
            new RecipeBranding("#1f4e79", "#9a7b00", null),
            new RecipeSettings("Europe/Berlin", ["de", "en"], "BB"),
            new RecipeContact($"Verwaltung {Template}", "Hauptstraße 1", "14806", Template, "0000 000", $"info@{Template}.example.org", null),
            [new RecipeOpeningHours("monday", "09:00", "12:00", null)],
            new Dictionary<string, RecipePage>
            {
                ["welcome"] = new($"Willkommen in {Template}", $"Welcome text of {Template}."),
                ["impressum"] = new("Impressum", $"Impressum of {Template}."),
                ["datenschutz"] = new("Datenschutzerklärung", $"Datenschutz of {Template}."),
                ["barrierefreiheit"] = new("Erklärung zur Barrierefreiheit", $"Barrierefreiheit of {Template}."),
            },
            new Dictionary<string, JsonElement> { ["appointments"] = JsonSerializer.SerializeToElement(appointments, JsonSerializerOptions.Web) });
    }
}
