using Saas.Host.Tenancy;
using Saas.IntegrationTests.Infrastructure;

namespace Saas.IntegrationTests.OpenId;

/// <summary>
/// Two towns, each its own OpenID provider: oidc-a on its platform subdomain, oidc-b on a custom
/// primary domain with a secondary one. Refresh tokens get no reuse leeway here, so a reused one
/// is refused at once.
/// </summary>
public sealed class OpenIdFixture : IAsyncLifetime
{
    public const string HostA = "oidc-a.localhost";
    public const string HostB = "www.oidc-b.example";
    public const string SecondaryB = "oidc-b-alt.example";

    public PlatformFactory Factory { get; private set; } = null!;
    public Guid TownA { get; private set; }
    public Guid TownB { get; private set; }

    public async Task InitializeAsync()
    {
        Factory = new PlatformFactory(new PlatformFactoryOptions
        {
            Database = await TestDatabase.CreateAsync("openid"),
            Settings = new Dictionary<string, string?> { ["OpenId:RefreshTokenReuseLeeway"] = "00:00:00" },
        });
        TownA = await TestTowns.CreateAsync(Factory, "oidc-a");
        TownB = await TestTowns.CreateAsync(Factory, "oidc-b");
        var admin = Factory.Service<TenantAdministration>();
        await admin.AddDomainAsync(TownB, HostB, DomainKind.Custom, verified: true, CancellationToken.None);
        await admin.AddDomainAsync(TownB, SecondaryB, DomainKind.Secondary, verified: true, CancellationToken.None);
    }

    /// <summary>A fresh resident of town A (each test its own, so one test's changes never reach another).</summary>
    public Task<TestAccount> ResidentOfAAsync(string name) =>
        TestAccounts.CreateAsync(Factory, TownA, $"{name}@oidc-a.example", displayName: $"Anwohnerin {name}");

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}
