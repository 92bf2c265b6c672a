using System.Net;
using Npgsql;
using Saas.IntegrationTests.Accounts;
using Saas.IntegrationTests.Infrastructure;
using Saas.TestInfrastructure;
using Saas.TestInfrastructure.Mail;

namespace Saas.IntegrationTests.Signup;

/// <summary>The platform site on one real PostgreSQL with a real SMTP listener, one existing town ("vergeben"), and a clock.</summary>
public sealed class SignupFixture : IAsyncLifetime
{
    public TestClock Clock { get; } = new(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.FromHours(1)));
    public SmtpListener Smtp { get; } = SmtpListener.Start();
    public PlatformFactory Factory { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Factory = new PlatformFactory(new PlatformFactoryOptions { Database = await TestDatabase.CreateAsync("signup"), Clock = Clock, SmtpPort = Smtp.Port });
        await TestTowns.CreateAsync(Factory, "vergeben");
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Smtp.DisposeAsync();
    }

    /// <summary>A visitor of the platform site (its own cookies).</summary>
    public ResidentClient Visitor() => ResidentClient.For(Factory, "localhost");

    /// <summary>A complete, valid signup form; tests change single fields.</summary>
    public static Dictionary<string, string> Form(string slug, string email) => new()
    {
        ["Kind"] = "Gemeinde",
        ["Municipality"] = "Görzke",
        ["FederalState"] = "BB",
        ["Ags"] = "12069232",
        ["Slug"] = slug,
        ["AdminName"] = "Petra Amtsleiterin",
        ["Email"] = email,
        ["Password"] = "Rathaus-Goerzke-2026",
        ["Theme"] = "landlich",
        ["AcceptedTerms"] = "true",
    };

    public static IEnumerable<KeyValuePair<string, string>> WithFeatures(Dictionary<string, string> form, params string[] features) =>
        form.Concat(features.Select(f => new KeyValuePair<string, string>("Features", f)));

    /// <summary>Submits the form and returns the page text, asserting nothing.</summary>
    public async Task<(HttpStatusCode Status, string Text)> SubmitAsync(IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var response = await Visitor().SubmitAsync("/registrieren", fields);
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Factory.Options.Database!.OwnerConnectionString);
        await connection.OpenAsync();
#pragma warning disable CA2100 // the SQL comes from the tests
        await using var command = new NpgsqlCommand(sql, connection);
#pragma warning restore CA2100
        return Convert.ToInt64(await command.ExecuteScalarAsync() ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
    }
}

[CollectionDefinition(Name)]
public sealed class SignupCollection : ICollectionFixture<SignupFixture>
{
    public const string Name = "signup";
}
