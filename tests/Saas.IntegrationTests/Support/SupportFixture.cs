using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Saas.IntegrationTests.Infrastructure;
using Saas.Kernel.Security;

namespace Saas.IntegrationTests.Support;

/// <summary>
/// One node on PostgreSQL with two towns, a Support and a SupportAdmin engineer, a TenantAdmin of
/// town A, and a clock the tests can move forward (TOTP codes are taken at that clock's time).
/// </summary>
public sealed class SupportFixture : IAsyncLifetime
{
    public const string Platform = "localhost";
    public OffsetClock Clock { get; } = new();
    public PlatformFactory Factory { get; private set; } = null!;
    public Guid TownA { get; private set; }
    public Guid TownB { get; private set; }
    public TestAccount Support { get; private set; } = null!;
    public TestAccount Admin { get; private set; } = null!;
    public TestAccount TownAdminA { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Factory = new PlatformFactory(new PlatformFactoryOptions
        {
            Database = await TestDatabase.CreateAsync("support"),
            Services = services => services.AddSingleton<TimeProvider>(Clock),
        });
        TownA = await TestTowns.CreateAsync(Factory, "sp-a", articles: [("a1", "Artikel A", "A")]);
        TownB = await TestTowns.CreateAsync(Factory, "sp-b", articles: [("b1", "Artikel B", "B")]);
        Support = await TestAccounts.CreateSupportAsync(Factory, "susi@support.example", Roles.Support);
        Admin = await TestAccounts.CreateSupportAsync(Factory, "adam@support.example", Roles.SupportAdmin);
        TownAdminA = await TestAccounts.CreateAsync(Factory, TownA, "admin@sp-a.example", Roles.TenantAdmin);
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();

    /// <summary>The support cookie of the latest <see cref="SignedInAsync"/>, to carry it somewhere it does not belong.</summary>
    public string? LastSupportCookie { get; private set; }

    /// <summary>The value a response sets for cookie <paramref name="name"/>.</summary>
    public static string? Cookie(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.Where(v => v.StartsWith(name + "=", StringComparison.Ordinal)).Select(v => v[(name.Length + 1)..].Split(';')[0]).LastOrDefault(v => v.Length > 0)
            : null;

    public HttpClient PlatformClient() => Factory.ClientFor(Platform, https: true);

    public HttpClient TownClient(string slug) => Factory.ClientFor($"{slug}.localhost", https: true);

    /// <summary>
    /// Signs <paramref name="account"/> in on the console (password, then TOTP). The clock moves on
    /// by a TOTP step first: a code is accepted once only, and tests sign in many times.
    /// </summary>
    public async Task<HttpClient> SignedInAsync(TestAccount account)
    {
        var client = PlatformClient();
        var password = await PostFormAsync(client, "/support/anmelden", new() { ["Email"] = account.Email, ["Password"] = account.Password });
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        Assert.StartsWith("/support/anmelden/code", password.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Clock.Advance(TimeSpan.FromSeconds(31));
        var code = await PostFormAsync(client, "/support/anmelden/code", new() { ["Code"] = account.TotpCode(Clock.GetUtcNow()) });
        Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);
        LastSupportCookie = Cookie(code, Saas.Host.Accounts.AccountSchemes.Cookies.Support);
        Assert.Equal("/support/gemeinden", code.Headers.Location!.OriginalString);
        return client;
    }

    /// <summary>GETs the form page for its antiforgery token, then posts the fields to <paramref name="action"/> (or the page itself).</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string page, Dictionary<string, string> fields, string? action = null)
    {
        var html = await (await client.GetAsync(page)).Content.ReadAsStringAsync();
        fields["__RequestVerificationToken"] = AntiforgeryToken(html);
        return await client.PostAsync(action ?? page, new FormUrlEncodedContent(fields));
    }

    public static string AntiforgeryToken(string html)
    {
        var match = Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
        Assert.True(match.Success, "no antiforgery token in the page: " + html[..Math.Min(html.Length, 3000)]);
        return match.Groups[1].Value;
    }

    /// <summary>The audit entries of one town (read inside that town, through the same walls as the app).</summary>
    public Task<List<(string Kind, string Name, string Action, string? Target, string? Details)>> AuditAsync(Guid town) =>
        TestTowns.AsTownAsync(Factory, town, async services =>
        {
            var db = services.GetRequiredService<Saas.Host.Audit.AuditDbContext>();
            var entries = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(db.Entries.OrderBy(e => e.At));
            return entries.Select(e => (e.ActorKind, e.ActorName, e.Action, e.Target, e.Details)).ToList();
        });

    /// <summary>A page's text with HTML entities decoded (Razor encodes umlauts), for assertions on what a reader sees.</summary>
    public static async Task<string> TextAsync(HttpResponseMessage response) =>
        System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
}

[CollectionDefinition(Name)]
public sealed class SupportCollection : ICollectionFixture<SupportFixture>
{
    public const string Name = "Support console";
}
