using Npgsql;
using Saas.IntegrationTests.Infrastructure;
using Saas.IntegrationTests.News;
using Saas.Kernel.Security;
using Saas.TestInfrastructure;
using Saas.TestInfrastructure.Mail;

namespace Saas.IntegrationTests.Coworking;

/// <summary>
/// Co-working on one real PostgreSQL: town A (residents book, staff work) and town B (whose rows must
/// never be reached from A), their TenantAdmins, and the clock on Monday 7 December 2026, 07:00.
/// </summary>
public sealed class CoworkingFixture : IAsyncLifetime
{
    public const string HostA = "cowork-a.localhost";
    public const string HostB = "cowork-b.localhost";

    public TestClock Clock { get; } = new(CoworkingTowns.Now);
    public SmtpListener Smtp { get; } = SmtpListener.Start();
    public PlatformFactory Factory { get; private set; } = null!;
    public Guid TownA { get; private set; }
    public Guid TownB { get; private set; }
    public TestAccount AdminA { get; private set; } = null!;
    public TestAccount AdminB { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Factory = new PlatformFactory(new PlatformFactoryOptions { Database = await TestDatabase.CreateAsync("coworking"), Clock = Clock, SmtpPort = Smtp.Port });
        TownA = await CoworkingTowns.CreateAsync(Factory, "cowork-a");
        TownB = await CoworkingTowns.CreateAsync(Factory, "cowork-b");
        AdminA = await TestAccounts.CreateAsync(Factory, TownA, "amt@cowork-a.example", Roles.TenantAdmin);
        AdminB = await TestAccounts.CreateAsync(Factory, TownB, "amt@cowork-b.example", Roles.TenantAdmin);
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Smtp.DisposeAsync();
    }

    public Task<HttpClient> AdminAsync(string host = HostA) =>
        StaffSession.SignInAsync(Factory, host, host == HostA ? AdminA : AdminB, Clock);

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

    /// <summary>Every co-working row of a town, as text: what an attack from another town could have changed.</summary>
    public Task<string> SnapshotAsync(Guid town) => OwnerScalarAsync<string>(
        """
        SELECT concat_ws('#',
          (SELECT string_agg(t::text, '|' ORDER BY t::text) FROM coworking_spaces t WHERE tenant_id = @t),
          (SELECT string_agg(t::text, '|' ORDER BY t::text) FROM coworking_hours t WHERE tenant_id = @t),
          (SELECT string_agg(t::text, '|' ORDER BY t::text) FROM coworking_workplaces t WHERE tenant_id = @t),
          (SELECT string_agg(t::text, '|' ORDER BY t::text) FROM coworking_passes t WHERE tenant_id = @t),
          (SELECT string_agg(t::text, '|' ORDER BY t::text) FROM coworking_bookings t WHERE tenant_id = @t), '')
        """, town);
}

[CollectionDefinition(Name)]
public sealed class CoworkingCollection : ICollectionFixture<CoworkingFixture>
{
    public const string Name = "coworking";
}
