using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Saas.IntegrationTests.Infrastructure;
using Saas.Kernel.Security;
using Saas.TestInfrastructure;
using Saas.TestInfrastructure.Mail;

namespace Saas.IntegrationTests.WasteCalendar;

/// <summary>Two towns with the waste calendar on one real PostgreSQL, one without it; staff and a resident in town A.</summary>
public sealed class WasteFixture : IAsyncLifetime
{
    public const string HostA = "abfall-a.localhost";
    public const string HostB = "abfall-b.localhost";
    public const string HostWithout = "abfall-ohne.localhost";

    /// <summary>Monday 7 December 2026, 07:00 in Berlin.</summary>
    public TestClock Clock { get; } = new(new DateTimeOffset(2026, 12, 7, 7, 0, 0, TimeSpan.FromHours(1)));
    public SmtpListener Smtp { get; } = SmtpListener.Start();
    public PlatformFactory Factory { get; private set; } = null!;
    public Guid TownA { get; private set; }
    public Guid TownB { get; private set; }
    public TestAccount AdminA { get; private set; } = null!;
    public TestAccount EditorA { get; private set; } = null!;
    public TestAccount ResidentA { get; private set; } = null!;

    /// <summary>Made by the first test that needs town B's staff.</summary>
    public TestAccount? AdminB { get; set; }

    public async Task InitializeAsync()
    {
        Factory = new PlatformFactory(new PlatformFactoryOptions { Database = await TestDatabase.CreateAsync("waste"), Clock = Clock, SmtpPort = Smtp.Port });
        TownA = await WasteTowns.CreateAsync(Factory, "abfall-a");
        TownB = await WasteTowns.CreateAsync(Factory, "abfall-b");
        await TestTowns.CreateAsync(Factory, "abfall-ohne");
        AdminA = await TestAccounts.CreateAsync(Factory, TownA, "verwaltung@abfall-a.example", Roles.TenantAdmin);
        EditorA = await TestAccounts.CreateAsync(Factory, TownA, "redaktion@abfall-a.example", Roles.Editor);
        ResidentA = await TestAccounts.CreateAsync(Factory, TownA, "anna@abfall-a.example");
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Smtp.DisposeAsync();
    }

    public async Task<string> ScalarTextAsOwnerAsync(string sql, Guid town)
    {
        await using var connection = new NpgsqlConnection(Factory.Options.Database!.OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("t", town);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    public async Task<Guid> ScalarGuidAsOwnerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Factory.Options.Database!.OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (Guid)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>A count (or other scalar) read as the database owner, past every filter.</summary>
    public async Task<long> ScalarAsOwnerAsync(string sql, Guid? town = null)
    {
        await using var connection = new NpgsqlConnection(Factory.Options.Database!.OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        if (town is { } t)
        {
            command.Parameters.AddWithValue("t", t);
        }
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public HttpClient Client(string host = HostA) => Factory.ClientFor(host);

    /// <summary>The id of the town's area whose name starts with <paramref name="prefix"/>, read as an app would.</summary>
    public async Task<Guid> AreaIdAsync(string host, string prefix, string street = "Hauptstraße")
    {
        var found = await Client(host).GetFromJsonAsync<JsonElement>($"/api/v1/waste/addresses?q={Uri.EscapeDataString(street)}");
        return found.EnumerateArray().First(a => a.GetProperty("area").GetString()!.StartsWith(prefix, StringComparison.Ordinal)).GetProperty("areaId").GetGuid();
    }

    public async Task<Dictionary<string, Guid>> TypeIdsAsync(string host = HostA)
    {
        var types = await Client(host).GetFromJsonAsync<JsonElement>("/api/v1/waste/types");
        return types.EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!, t => t.GetProperty("id").GetGuid());
    }

    /// <summary>Every collection of a town as "yyyy-MM-dd|type|area", read as the database owner: no filter between the test and the truth.</summary>
    public async Task<List<string>> CollectionsAsOwnerAsync(Guid town)
    {
        await using var connection = new NpgsqlConnection(Factory.Options.Database!.OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT to_char(c.day, 'YYYY-MM-DD') || '|' || t.name || '|' || a.name FROM waste_collections c
            JOIN waste_types t ON t.tenant_id = c.tenant_id AND t.id = c.type_id
            JOIN waste_areas a ON a.tenant_id = c.tenant_id AND a.id = c.area_id
            WHERE c.tenant_id = @t ORDER BY 1
            """, connection);
        command.Parameters.AddWithValue("t", town);
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }
        return rows;
    }
}

[CollectionDefinition(Name)]
public sealed class WasteCollection : ICollectionFixture<WasteFixture>
{
    public const string Name = "waste calendar";
}
