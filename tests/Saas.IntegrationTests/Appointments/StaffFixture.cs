using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Saas.IntegrationTests.Infrastructure;
using Saas.IntegrationTests.News;
using Saas.Kernel.Security;
using Saas.TestInfrastructure;
using Saas.TestInfrastructure.Mail;

namespace Saas.IntegrationTests.Appointments;

/// <summary>
/// The staff side on one real PostgreSQL: two towns with the Bürgerbüro (A, where staff work, and B,
/// whose rows must never be reached from A), their TenantAdmins, an editor and a resident of A, and
/// the clock on Monday 7 December 2026, 07:00.
/// </summary>
public sealed class StaffFixture : IAsyncLifetime
{
    public const string HostA = "amt-a.localhost";
    public const string HostB = "amt-b.localhost";

    public TestClock Clock { get; } = new(AppointmentTowns.Now);
    public SmtpListener Smtp { get; } = SmtpListener.Start();
    public PlatformFactory Factory { get; private set; } = null!;
    public Guid TownA { get; private set; }
    public Guid TownB { get; private set; }
    public TestAccount AdminA { get; private set; } = null!;
    public TestAccount EditorA { get; private set; } = null!;
    public TestAccount ResidentA { get; private set; } = null!;
    public TestAccount AdminB { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Factory = new PlatformFactory(new PlatformFactoryOptions { Database = await TestDatabase.CreateAsync("appointments_staff"), Clock = Clock, SmtpPort = Smtp.Port });
        TownA = await AppointmentTowns.CreateAsync(Factory, "amt-a");
        TownB = await AppointmentTowns.CreateAsync(Factory, "amt-b");
        AdminA = await TestAccounts.CreateAsync(Factory, TownA, "amt@amt-a.example", Roles.TenantAdmin);
        EditorA = await TestAccounts.CreateAsync(Factory, TownA, "presse@amt-a.example", Roles.Editor);
        ResidentA = await TestAccounts.CreateAsync(Factory, TownA, "buerger@amt-a.example");
        AdminB = await TestAccounts.CreateAsync(Factory, TownB, "amt@amt-b.example", Roles.TenantAdmin);
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Smtp.DisposeAsync();
    }

    public Task<HttpClient> AdminAsync(string host = HostA) =>
        StaffSession.SignInAsync(Factory, host, host == HostA ? AdminA : AdminB, Clock);

    public HttpClient Api(string host = HostA) => Factory.ClientFor(host);

    /// <summary>The id of the town's service whose name starts with <paramref name="prefix"/>, and of its main location.</summary>
    public async Task<(Guid Service, Guid Location)> ServiceAsync(string host, string prefix)
    {
        var services = await Api(host).GetFromJsonAsync<JsonElement>("/api/v1/appointments/services");
        var service = services.EnumerateArray().Single(s => s.GetProperty("name").GetString()!.StartsWith(prefix, StringComparison.Ordinal));
        return (service.GetProperty("id").GetGuid(), service.GetProperty("location").GetProperty("id").GetGuid());
    }

    /// <summary>
    /// Books through the resident API and confirms the hold, as the resident's click on the mailed link would
    /// (that path is HoldTests' subject; staff plans show confirmed appointments only); returns the booking id.
    /// </summary>
    public async Task<Guid> BookAsync(string host, Guid service, string start, string name, string email, Guid? location = null)
    {
        var response = await Api(host).PostAsJsonAsync("/api/v1/appointments/bookings", new { serviceId = service, start, name, email, locationId = location });
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"booking {start} refused: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await using var connection = new NpgsqlConnection(Factory.Options.Database!.OwnerConnectionString);
        await connection.OpenAsync();
        await using var confirm = new NpgsqlCommand("UPDATE appointments_bookings SET confirmed_at = now() WHERE id = @id AND confirmed_at IS NULL", connection);
        confirm.Parameters.AddWithValue("id", id);
        Assert.Equal(1, await confirm.ExecuteNonQueryAsync());
        return id;
    }

    /// <summary>The free slots of a day as local "HH:mm" with their remaining seats.</summary>
    public async Task<Dictionary<string, int>> SlotsAsync(string host, Guid service, string day, Guid? location = null)
    {
        var answer = await Api(host).GetFromJsonAsync<JsonElement>(
            $"/api/v1/appointments/slots?serviceId={service}&from={day}&to={day}{(location is { } l ? $"&locationId={l}" : "")}");
        return answer.GetProperty("slots").EnumerateArray().ToDictionary(
            s => s.GetProperty("start").GetDateTimeOffset().ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            s => s.GetProperty("remaining").GetInt32());
    }

    /// <summary>A scalar as the database owner (no row-level security between the test and the truth); @t is the town.</summary>
    public async Task<T> OwnerScalarAsync<T>(string sql, Guid town)
    {
        await using var connection = new NpgsqlConnection(Factory.Options.Database!.OwnerConnectionString);
        await connection.OpenAsync();
#pragma warning disable CA2100 // the SQL comes from the tests
        await using var command = new NpgsqlCommand(sql, connection);
#pragma warning restore CA2100
        command.Parameters.AddWithValue("t", town);
        var value = await command.ExecuteScalarAsync();
        return (T)Convert.ChangeType(value!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Every appointments row of a town, as text: what an attack from another town could have changed.</summary>
    public Task<string> SnapshotAsync(Guid town) => OwnerScalarAsync<string>(
        """
        SELECT concat_ws('#',
          (SELECT string_agg(t::text, '|' ORDER BY t::text) FROM appointments_services t WHERE tenant_id = @t),
          (SELECT string_agg(t::text, '|' ORDER BY t::text) FROM appointments_locations t WHERE tenant_id = @t),
          (SELECT string_agg(t::text, '|' ORDER BY t::text) FROM appointments_opening_hours t WHERE tenant_id = @t),
          (SELECT string_agg(t::text, '|' ORDER BY t::text) FROM appointments_closed_days t WHERE tenant_id = @t),
          (SELECT string_agg(t::text, '|' ORDER BY t::text) FROM appointments_special_days t WHERE tenant_id = @t),
          (SELECT string_agg(t::text, '|' ORDER BY t::text) FROM appointments_service_locations t WHERE tenant_id = @t),
          (SELECT string_agg(t::text, '|' ORDER BY t::text) FROM appointments_bookings t WHERE tenant_id = @t),
          (SELECT string_agg(t::text, '|' ORDER BY t::text) FROM appointments_slot_counts t WHERE tenant_id = @t), '')
        """, town);
}

[CollectionDefinition(Name)]
public sealed class StaffCollection : ICollectionFixture<StaffFixture>
{
    public const string Name = "appointments staff";
}
