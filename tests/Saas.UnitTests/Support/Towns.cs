using System.Collections.Frozen;
using Saas.Host.Tenancy;
using Saas.Kernel.Tenancy;

namespace Saas.UnitTests.Support;

/// <summary>Registry entries for tests, shaped the way RegistryStore builds them.</summary>
internal static class Towns
{
    public const string PlatformDomain = "example.test";

    public static TenantEntry Entry(
        string slug,
        TenantState state = TenantState.Active,
        string? primaryHost = null,
        Guid? id = null,
        long version = 1,
        params DomainEntry[] domains) =>
        new(Snapshot(slug, state, primaryHost ?? $"{slug}.{PlatformDomain}", id ?? Guid.CreateVersion7(), version), domains);

    public static TenantSnapshot Snapshot(string slug, TenantState state, string primaryHost, Guid id, long version = 1) => new(
        id,
        slug,
        $"Town {slug}",
        "Gemeinde",
        state,
        version,
        IsDemo: false,
        "klassisch",
        new BrandTokens("#1f4e79", "#9a7b00", HasCoatOfArms: false),
        new TenantSettings("Europe/Berlin", ["de", "en"], "BB"),
        new TenantContact($"Verwaltung {slug}", "Hauptstraße 1", "14806", slug, null, null, null),
        new[] { "news" }.ToFrozenSet(StringComparer.Ordinal),
        primaryHost);
}
