using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Saas.Host.Tenancy;
using Saas.IntegrationTests.Infrastructure;
using Saas.TestInfrastructure;
using Saas.TestInfrastructure.Mail;

namespace Saas.IntegrationTests.Appointments;

/// <summary>Two towns with the Bürgerbüro on one real PostgreSQL, and a clock standing on Monday 7 December 2026, 07:00.</summary>
public sealed class AppointmentsFixture : IAsyncLifetime
{
    public const string HostA = "termin-a.localhost";
    public const string HostB = "termin-b.localhost";
    public const string HostWithout = "termin-ohne.localhost";

    /// <summary>A town whose Bürgerbüro has three counters: the capacity the promise's concurrency tests use.</summary>
    public const string HostThree = "termin-drei.localhost";

    public TestClock Clock { get; } = new(AppointmentTowns.Now);
    public SmtpListener Smtp { get; } = SmtpListener.Start();
    public PlatformFactory Factory { get; private set; } = null!;
    public Guid TownA { get; private set; }
    public Guid TownB { get; private set; }
    public Guid TownThree { get; private set; }
    public Guid TownWithout { get; private set; }

    public async Task InitializeAsync()
    {
        Factory = new PlatformFactory(new PlatformFactoryOptions { Database = await TestDatabase.CreateAsync("appointments"), Clock = Clock, SmtpPort = Smtp.Port });
        TownA = await AppointmentTowns.CreateAsync(Factory, "termin-a");
        TownB = await AppointmentTowns.CreateAsync(Factory, "termin-b");
        TownThree = await AppointmentTowns.CreateAsync(Factory, "termin-drei", counters: 3);
        TownWithout = await TestTowns.CreateAsync(Factory, "termin-ohne");
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Smtp.DisposeAsync();
    }

    public HttpClient Client(string host = HostA) => Factory.ClientFor(host);

    /// <summary>The id of the town's service whose name starts with <paramref name="prefix"/>.</summary>
    public async Task<Guid> ServiceIdAsync(string host, string prefix)
    {
        var services = await Client(host).GetFromJsonAsync<JsonElement>("/api/v1/appointments/services");
        return services.EnumerateArray().Single(s => s.GetProperty("name").GetString()!.StartsWith(prefix, StringComparison.Ordinal)).GetProperty("id").GetGuid();
    }

    /// <summary>Runs a scalar query as the database owner: no row-level security, no query filter between the test and the truth.</summary>
    public async Task<long> ScalarAsOwnerAsync(string sql, Guid? town = null)
    {
        await using var connection = new NpgsqlConnection(Factory.Options.Database!.OwnerConnectionString);
        await connection.OpenAsync();
#pragma warning disable CA2100 // the SQL comes from the tests
        await using var command = new NpgsqlCommand(sql, connection);
#pragma warning restore CA2100
        command.Parameters.AddWithValue("t", town ?? Guid.Empty);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Changes a town's appointment setup behind the editors' back and raises its version as every
    /// staff editor does, so the setup kept in memory is read afresh.
    /// </summary>
    public async Task ChangeSetupAsOwnerAsync(string sql, Guid town)
    {
        await ScalarAsOwnerAsync(sql, town);
        await Factory.Service<TenantAdministration>().TouchAsync(town, CancellationToken.None);
    }

    public Task<long> BookingsAsync(Guid town) => ScalarAsOwnerAsync("SELECT count(*) FROM appointments_bookings WHERE tenant_id = @t", town);

    public static object Booking(Guid serviceId, string start, string name = "Erika Mustermann", string email = "erika@example.org") =>
        new { serviceId, start, name, email };
}

[CollectionDefinition(Name)]
public sealed class AppointmentsCollection : ICollectionFixture<AppointmentsFixture>
{
    public const string Name = "appointments";
}
