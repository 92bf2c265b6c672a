using MimeKit;
using Npgsql;
using Saas.IntegrationTests.Infrastructure;
using Saas.TestInfrastructure.Mail;

namespace Saas.IntegrationTests.Accounts;

/// <summary>
/// One node on a real PostgreSQL whose mails go through MailKit to an SMTP listener on loopback,
/// with two towns. Tests use addresses of their own, so they can share the towns and the listener.
/// </summary>
public sealed class ResidentsFixture : IAsyncLifetime
{
    public const string HostA = "konto-a.localhost";
    public const string HostB = "konto-b.localhost";

    public SmtpListener Smtp { get; } = SmtpListener.Start();

    public TestDatabase Database { get; private set; } = null!;

    public PlatformFactory Factory { get; private set; } = null!;

    public Guid TownA { get; private set; }

    public Guid TownB { get; private set; }

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync("residents");
        Factory = new PlatformFactory(new PlatformFactoryOptions { Database = Database, SmtpPort = Smtp.Port });
        TownA = await TestTowns.CreateAsync(Factory, "konto-a");
        TownB = await TestTowns.CreateAsync(Factory, "konto-b", theme: "modern");
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Smtp.DisposeAsync();
    }

    /// <summary>An address no other test uses.</summary>
    public static string NewEmail(string who = "bewohner") => $"{who}-{Guid.NewGuid():N}@example.org";

    /// <summary>The first mail to <paramref name="address"/> whose subject contains <paramref name="subject"/>.</summary>
    public Task<MimeMessage> MailAsync(string address, string subject) =>
        Smtp.WaitForMessageAsync(m =>
            m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase))
            && (m.Subject ?? "").Contains(subject, StringComparison.Ordinal));

    /// <summary>Every mail to <paramref name="address"/> received so far.</summary>
    public IReadOnlyList<MimeMessage> MailsTo(string address) =>
        [.. Smtp.Messages.Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase)))];

    /// <summary>Registers through the pages, opens the confirmation link from the mail; returns a client of the same town, not signed in.</summary>
    public async Task<ResidentClient> RegisterConfirmedAsync(string host, string name, string email, string password)
    {
        var client = ResidentClient.For(Factory, host);
        await client.RegisterAsync(name, email, password);
        // The same address may have registered in another town too: take this town's mail.
        var mail = await Smtp.WaitForMessageAsync(m =>
            m.To.Mailboxes.Any(b => string.Equals(b.Address, email, StringComparison.OrdinalIgnoreCase))
            && m.Links().Any(l => l.Host == host && l.AbsolutePath == "/konto/bestaetigen"));
        var page = await client.OpenAsync(mail.FirstLink("/konto/bestaetigen"));
        Assert.Contains("E-Mail-Adresse bestätigt", page, StringComparison.Ordinal);
        return client;
    }

    /// <summary>Counts rows of a town's accounts with this address, as the owner (no RLS, no filters).</summary>
    public async Task<long> AccountCountAsync(Guid town, string email)
    {
        await using var connection = new NpgsqlConnection(Database.OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM core_accounts WHERE tenant_id = @t AND normalized_email = upper(@e)", connection);
        command.Parameters.AddWithValue("t", town);
        command.Parameters.AddWithValue("e", email);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Runs SQL as the owner (test set-up that no page offers, e.g. what an admin would do).</summary>
    public async Task ExecuteAsOwnerAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(Database.OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        await command.ExecuteNonQueryAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ResidentsCollection : ICollectionFixture<ResidentsFixture>
{
    public const string Name = "Residents";
}
