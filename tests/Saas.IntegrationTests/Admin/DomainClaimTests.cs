using System.Collections.Concurrent;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Saas.Host.Tenancy;
using Saas.Host.Tenancy.Domains;
using Saas.IntegrationTests.Http;
using Saas.IntegrationTests.Infrastructure;
using Saas.Kernel.Security;

namespace Saas.IntegrationTests.Admin;

/// <summary>DNS as the tests say it is: TXT values and resolving hosts, set per test.</summary>
internal sealed class FakeDomainDns : IDomainDns
{
    public ConcurrentDictionary<string, string[]> Txt { get; } = new(StringComparer.Ordinal);
    public ConcurrentDictionary<string, bool> Resolving { get; } = new(StringComparer.Ordinal);
    public ConcurrentDictionary<string, bool> Failing { get; } = new(StringComparer.Ordinal);

    public Task<DnsAnswer<IReadOnlyList<string>>> TxtAsync(string name, CancellationToken cancellationToken) =>
        Task.FromResult(Failing.ContainsKey(name) ? DnsAnswer<IReadOnlyList<string>>.Failed("SERVFAIL")
            : DnsAnswer<IReadOnlyList<string>>.Of(Txt.GetValueOrDefault(name) ?? []));

    public Task<DnsAnswer<bool>> ResolvesAsync(string host, CancellationToken cancellationToken) =>
        Task.FromResult(DnsAnswer<bool>.Of(Resolving.ContainsKey(host)));
}

/// <summary>Two towns with an administrator each (and an editor in A), DNS answered by <see cref="FakeDomainDns"/>; on PostgreSQL.</summary>
public class DomainFixture : IAsyncLifetime
{
    public const string HostA = "dom-a.localhost";
    public const string HostB = "dom-b.localhost";

    internal FakeDomainDns Dns { get; } = new();
    public PlatformFactory Factory { get; private set; } = null!;
    public Guid TownA { get; private set; }
    public Guid TownB { get; private set; }
    public TestAccount AdminA { get; private set; } = null!;
    public TestAccount EditorA { get; private set; } = null!;
    public TestAccount AdminB { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Factory = new PlatformFactory(await OptionsAsync(services => services.Replace(ServiceDescriptor.Singleton<IDomainDns>(Dns))));
        TownA = await TestTowns.CreateAsync(Factory, "dom-a");
        TownB = await TestTowns.CreateAsync(Factory, "dom-b");
        AdminA = await TestAccounts.CreateAsync(Factory, TownA, "chefin@dom-a.example", Roles.TenantAdmin, displayName: "Chefin A");
        EditorA = await TestAccounts.CreateAsync(Factory, TownA, "redaktion@dom-a.example", Roles.Editor, displayName: "Redaktion A");
        AdminB = await TestAccounts.CreateAsync(Factory, TownB, "chef@dom-b.example", Roles.TenantAdmin, displayName: "Chef B");
    }

    public Task<AdminClient> AdminOfAAsync() => new AdminClient(Factory, HostA).AsStaffAsync(TownA, AdminA.Id);

    public Task<AdminClient> AdminOfBAsync() => new AdminClient(Factory, HostB).AsStaffAsync(TownB, AdminB.Id);

    protected virtual async Task<PlatformFactoryOptions> OptionsAsync(Action<IServiceCollection> services) =>
        new() { Database = await TestDatabase.CreateAsync("admin_domains"), Services = services };

    public virtual async Task DisposeAsync() => await Factory.DisposeAsync();
}

/// <summary>The same on the embedded database.</summary>
public sealed class SqliteDomainFixture : DomainFixture
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "saas-tests", "domains-" + Guid.NewGuid().ToString("N"));

    protected override Task<PlatformFactoryOptions> OptionsAsync(Action<IServiceCollection> services) =>
        Task.FromResult(new PlatformFactoryOptions { SqliteFolder = _folder, Services = services });

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}

public sealed class DomainClaimTests(DomainFixture fixture) : DomainClaimScenarios(fixture), IClassFixture<DomainFixture>;

public sealed class SqliteDomainClaimTests(SqliteDomainFixture fixture) : DomainClaimScenarios(fixture), IClassFixture<SqliteDomainFixture>;

/// <summary>
/// A town claims its own domain with a DNS TXT token, sees what the checks found, makes the domain its
/// primary address (the platform subdomain then answers 301) and can go back; nothing of this works on
/// another town's domain, and bad input gets a German message and changes nothing.
/// </summary>
public abstract class DomainClaimScenarios(DomainFixture fixture)
{
    private const string Page = "/admin/domain";

    private TenantRegistry Registry => fixture.Factory.Service<TenantRegistry>();

    [Fact]
    public async Task Given_a_claimed_domain_When_the_TXT_record_appears_and_it_is_made_primary_Then_the_platform_subdomain_redirects_to_it_and_back_again()
    {
        var admin = await fixture.AdminOfAAsync();
        const string domain = "service.dom-a.example";

        var claimed = await admin.PostToAsync(Page, $"{Page}?handler=Add", ("domain", "https://Service.Dom-A.example/buergerbuero?x=1"));

        Assert.Equal($"{Page}?hinweis=claimed&adresse={domain}", claimed.Headers.Location?.OriginalString);
        var token = Assert.Single(await PendingTokensAsync(domain));
        var page = await admin.GetPageAsync(Page);
        Assert.Contains($"<code>_rathausplatz.{domain}</code>", page, StringComparison.Ordinal);
        Assert.Contains($"rathausplatz-verification={token}", page, StringComparison.Ordinal);
        Assert.Contains("Noch nicht geprüft.", page, StringComparison.Ordinal);
        // Pending: the name answers nothing and gets no certificate.
        Assert.Equal(404, (await HttpProbe.SendRawAsync(fixture.Factory, domain, "/")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Factory.ClientFor("localhost").GetAsync($"/internal/tls/ask?domain={domain}")).StatusCode);

        // A record with someone else's token does not count.
        fixture.Dns.Txt[$"_rathausplatz.{domain}"] = ["rathausplatz-verification=0000", "v=spf1 -all"];
        var wrong = await admin.PostToAsync(Page, $"{Page}?handler=Check", ("host", domain));
        Assert.Equal($"{Page}?hinweis=pending&adresse={domain}", wrong.Headers.Location?.OriginalString);
        Assert.Contains("stand ein anderer Wert im Eintrag", await admin.GetPageAsync(Page), StringComparison.Ordinal);
        Assert.Equal(404, (await HttpProbe.SendRawAsync(fixture.Factory, domain, "/")).Status);

        fixture.Dns.Txt[$"_rathausplatz.{domain}"] = ["v=spf1 -all", $"rathausplatz-verification={token}"];
        var verified = await admin.PostToAsync(Page, $"{Page}?handler=Check", ("host", domain));

        Assert.Equal($"{Page}?hinweis=verified&adresse={domain}", verified.Headers.Location?.OriginalString);
        // Verified but not primary: the domain leads to the town's primary address, the platform subdomain.
        var toPlatform = await HttpProbe.SendRawAsync(fixture.Factory, domain, "/aktuelles?seite=2");
        Assert.Equal(301, toPlatform.Status);
        Assert.Equal($"http://{DomainFixture.HostA}/aktuelles?seite=2", toPlatform.Headers.Location.ToString());
        Assert.Equal(HttpStatusCode.OK, (await fixture.Factory.ClientFor("localhost").GetAsync($"/internal/tls/ask?domain={domain}")).StatusCode);

        // Not pointing anywhere yet: refused, or every visitor would be sent to a dead address.
        var dead = await admin.PostToAsync(Page, $"{Page}?handler=Primary", ("host", domain));
        Assert.Equal(HttpStatusCode.OK, dead.StatusCode);
        Assert.Contains("zeigt noch auf keinen Server", await dead.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(DomainFixture.HostA, Registry.Find(fixture.TownA)!.PrimaryHost);

        fixture.Dns.Resolving[domain] = true;
        var primary = await admin.PostToAsync(Page, $"{Page}?handler=Primary", ("host", domain));

        Assert.Equal(HttpStatusCode.Redirect, primary.StatusCode);
        Assert.Equal(domain, Registry.Find(fixture.TownA)!.PrimaryHost);
        var fromPlatform = await HttpProbe.SendRawAsync(fixture.Factory, DomainFixture.HostA, "/impressum");
        Assert.Equal(301, fromPlatform.Status);
        Assert.Equal($"http://{domain}/impressum", fromPlatform.Headers.Location.ToString());
        var served = await HttpProbe.SendRawAsync(fixture.Factory, domain, "/");
        Assert.Equal(200, served.Status);
        Assert.Contains(Registry.Find(fixture.TownA)!.Name, served.Body, StringComparison.Ordinal);

        // Back to the platform address, from the new primary host (the admin signs in there again).
        var onDomain = await new AdminClient(fixture.Factory, domain).AsStaffAsync(fixture.TownA, fixture.AdminA.Id);
        var back = await onDomain.PostToAsync(Page, $"{Page}?handler=Primary", ("host", ""));

        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.Equal(DomainFixture.HostA, Registry.Find(fixture.TownA)!.PrimaryHost);
        Assert.Equal(200, (await HttpProbe.SendRawAsync(fixture.Factory, DomainFixture.HostA, "/impressum")).Status);
        Assert.Equal(301, (await HttpProbe.SendRawAsync(fixture.Factory, domain, "/")).Status);
        var audit = await AuditAsync(fixture.TownA);
        Assert.Contains(audit, e => e.Action == "admin.domain.claimed" && e.Target == domain);
        Assert.Contains(audit, e => e.Action == "admin.domain.verified" && e.Target == domain);
        Assert.Equal(2, audit.Count(e => e.Action == "admin.domain.primary"));
    }

    [Theory]
    [InlineData("<script>alert(1)</script>.example", "keine gültige Domain")]
    [InlineData("192.0.2.10", "keine gültige Domain")]
    [InlineData("localhost2", "keine gültige Domain")]
    [InlineData("", "keine gültige Domain")]
    [InlineData("neu.localhost", "Adressen der Plattform selbst")]
    [InlineData("dom-b.localhost", "Adressen der Plattform selbst")]
    public async Task Given_bad_input_When_a_domain_is_added_Then_a_German_message_and_nothing_stored(string input, string message)
    {
        var admin = await fixture.AdminOfAAsync();
        var before = await CountAsync();

        var response = await admin.PostToAsync(Page, $"{Page}?handler=Add", ("domain", input));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Given_an_umlaut_domain_When_added_twice_by_a_double_click_Then_it_is_stored_once_as_punycode_and_shown_in_Unicode()
    {
        var admin = await fixture.AdminOfAAsync();

        var first = admin.PostToAsync(Page, $"{Page}?handler=Add", ("domain", "Bürgerbüro.dom-a.example"));
        var second = admin.PostToAsync(Page, $"{Page}?handler=Add", ("domain", "bürgerbüro.dom-a.example"));
        var answers = await Task.WhenAll(first, second);

        Assert.Single(await PendingTokensAsync(new System.Globalization.IdnMapping().GetAscii("bürgerbüro.dom-a.example")));
        Assert.Contains(answers, a => a.StatusCode == HttpStatusCode.Redirect);
        var page = await admin.GetPageAsync(Page);
        Assert.Contains("bürgerbüro.dom-a.example</h3>", page, StringComparison.Ordinal);
        var again = await admin.PostToAsync(Page, $"{Page}?handler=Add", ("domain", "bürgerbüro.dom-a.example"));
        Assert.Contains("Diese Domain haben Sie bereits hinzugefügt.", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_town_A_claimed_a_domain_When_town_B_tries_to_claim_check_make_primary_or_remove_it_Then_every_attempt_is_refused_and_A_keeps_it()
    {
        var adminA = await fixture.AdminOfAAsync();
        const string domain = "rathaus.dom-a.example";
        await adminA.PostToAsync(Page, $"{Page}?handler=Add", ("domain", domain));
        var token = Assert.Single(await PendingTokensAsync(domain));
        fixture.Dns.Txt[$"_rathausplatz.{domain}"] = [$"rathausplatz-verification={token}"];
        fixture.Dns.Resolving[domain] = true;
        var adminB = await fixture.AdminOfBAsync();

        Assert.DoesNotContain(domain, await adminB.GetPageAsync(Page), StringComparison.Ordinal);
        var claim = await adminB.PostToAsync(Page, $"{Page}?handler=Add", ("domain", domain));
        Assert.Contains("bereits einer anderen Gemeinde zugeordnet", await claim.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        foreach (var handler in new[] { "Check", "Primary", "Remove" })
        {
            var response = await adminB.PostToAsync(Page, $"{Page}?handler={handler}", ("host", domain));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("gehört nicht zu Ihrer Gemeinde", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // Still A's, still pending (B's "check" did not verify it for A either), and B's primary address is untouched.
        Assert.Single(await PendingTokensAsync(domain));
        Assert.Equal(DomainFixture.HostB, Registry.Find(fixture.TownB)!.PrimaryHost);
        Assert.DoesNotContain(Registry.FindEntry(fixture.TownB)!.Domains, d => d.Host == domain);
        Assert.DoesNotContain(await AuditAsync(fixture.TownB), e => e.Action.StartsWith("admin.domain.", StringComparison.Ordinal) && e.Target == domain);
    }

    [Fact]
    public async Task Given_pending_claims_When_the_periodic_check_runs_Then_a_published_token_verifies_and_a_claim_older_than_14_days_is_released()
    {
        var admin = await fixture.AdminOfBAsync();
        await admin.PostToAsync(Page, $"{Page}?handler=Add", ("domain", "portal.dom-b.example"));
        await admin.PostToAsync(Page, $"{Page}?handler=Add", ("domain", "alt.dom-b.example"));
        await admin.PostToAsync(Page, $"{Page}?handler=Add", ("domain", "dns-kaputt.dom-b.example"));
        var token = Assert.Single(await PendingTokensAsync("portal.dom-b.example"));
        fixture.Dns.Txt["_rathausplatz.portal.dom-b.example"] = [$"rathausplatz-verification={token}"];
        fixture.Dns.Failing["_rathausplatz.dns-kaputt.dom-b.example"] = true;
        await WithRegistryAsync(db => db.Domains.Where(d => d.Host == "alt.dom-b.example")
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.CreatedAt, DateTime.UtcNow.AddDays(-15))));

        await using (var scope = fixture.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DomainVerificationJob>().RunAsync(CancellationToken.None);
        }

        Assert.Contains(Registry.FindEntry(fixture.TownB)!.Domains, d => d.Host == "portal.dom-b.example" && d.Verified);
        Assert.DoesNotContain(Registry.FindEntry(fixture.TownB)!.Domains, d => d.Host == "alt.dom-b.example");
        Assert.Equal(301, (await HttpProbe.SendRawAsync(fixture.Factory, "portal.dom-b.example", "/")).Status);
        Assert.Contains("hat keine Antwort vom DNS bekommen", await admin.GetPageAsync(Page), StringComparison.Ordinal);
        // Released: another town may claim it now.
        var adminA = await fixture.AdminOfAAsync();
        var taken = await adminA.PostToAsync(Page, $"{Page}?handler=Add", ("domain", "alt.dom-b.example"));
        Assert.Equal(HttpStatusCode.Redirect, taken.StatusCode);
    }

    [Fact]
    public async Task Given_an_editor_When_the_domain_page_is_requested_or_posted_Then_403_and_nothing_is_claimed()
    {
        var editor = await new AdminClient(fixture.Factory, DomainFixture.HostA).AsStaffAsync(fixture.TownA, fixture.EditorA.Id);
        var before = await CountAsync();

        var page = await editor.GetAsync(Page);
        var post = await editor.PostToAsync("/admin", $"{Page}?handler=Add", ("domain", "editor.dom-a.example"));

        Assert.StartsWith("/fehler/403", page.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.StartsWith("/fehler/403", post.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());
    }

    private Task<List<string>> PendingTokensAsync(string host) =>
        WithRegistryAsync(db => db.Domains.Where(d => d.Host == host && !d.Verified).Select(d => d.VerificationToken!).ToListAsync());

    private Task<int> CountAsync() => WithRegistryAsync(db => db.Domains.CountAsync());

    private async Task<T> WithRegistryAsync<T>(Func<RegistryDbContext, Task<T>> query)
    {
        var contexts = fixture.Factory.Services.GetRequiredService<IDbContextFactory<RegistryDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        return await query(db);
    }

    private Task<List<Saas.Host.Audit.AuditEntry>> AuditAsync(Guid town) =>
        TestTowns.AsTownAsync(fixture.Factory, town, services =>
            services.GetRequiredService<Saas.Host.Audit.AuditDbContext>().Entries.AsNoTracking().ToListAsync());
}
