using System.Collections.Frozen;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using Perfolizer.Horology;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.Extensions.Options;
using Saas.Host.Tenancy;
using Saas.Kernel.Tenancy;

namespace Saas.Benchmarks;

/// <summary>
/// Issue target 1: with 10,000 towns in the registry, resolving a request's Host header costs
/// under 1 µs, and the common case (a town's own host) allocates nothing.
/// </summary>
[MemoryDiagnoser]
[MinColumn, MedianColumn]
[Config(typeof(ShortConfig))]
public class TenantRegistryBenchmarks
{
    public const int Towns = 10_000;
    public const string PlatformDomain = "example.test";

    private TenantRegistry _registry = null!;

    [GlobalSetup]
    public void Setup()
    {
        _registry = NewRegistry();
        _registry.ReplaceAll(Enumerable.Range(1, Towns).Select(Town));
        // Sanity: the benchmark must measure what it claims, not a string of misses.
        Expect(_registry.Resolve("town-4711.example.test"), HostMatchKind.Tenant, "town-4711");
        Expect(_registry.Resolve("Town-4711.Example.Test:8443"), HostMatchKind.Tenant, "town-4711");
        Expect(_registry.Resolve("town-99999.example.test"), HostMatchKind.NotFound, null);
        Expect(_registry.Resolve("Bürgerstadt-4712.de"), HostMatchKind.Tenant, "town-4712");
        Expect(_registry.Resolve("www.town-4730.de"), HostMatchKind.Redirect, "town-4730");
        // In-process runs share one JIT: get Resolve to its final tier before the first benchmark,
        // so that one does not measure tiering (it did: 4-7x slower than the same lookup later).
        for (var i = 0; i < 200_000; i++)
        {
            _registry.Resolve("town-4711.example.test");
            _registry.Resolve("Town-4711.Example.Test:8443");
            _registry.Resolve("Bürgerstadt-4712.de");
        }
        Thread.Sleep(500);
    }

    /// <summary>The everyday request: a town's platform subdomain, exactly as browsers send it.</summary>
    [Benchmark(Baseline = true)]
    public object Hit() => _registry.Resolve("town-4711.example.test");

    /// <summary>Same town, written in capitals and with a port (legal, if unusual).</summary>
    [Benchmark]
    public object HitUpperCaseWithPort() => _registry.Resolve("Town-4711.Example.Test:8443");

    /// <summary>A host no town has: a scanner, a typo, a deleted town.</summary>
    [Benchmark]
    public object Miss() => _registry.Resolve("town-99999.example.test");

    /// <summary>A verified custom domain with an umlaut, sent in Unicode (a proxy that did not punycode it).</summary>
    [Benchmark]
    public object IdnHost() => _registry.Resolve("Bürgerstadt-4712.de");

    /// <summary>The same domain as browsers actually send it (punycode).</summary>
    [Benchmark]
    public object IdnHostPunycode() => _registry.Resolve(PunycodeHost);

    private static readonly string PunycodeHost = new IdnMapping().GetAscii("bürgerstadt-4712.de");

    internal static TenantRegistry NewRegistry() =>
        new(Options.Create(new PlatformOptions { Domain = PlatformDomain }));

    /// <summary>Town N: platform subdomain town-N.example.test; every 10th also has a custom domain and a www secondary; 4712 an IDN domain.</summary>
    internal static TenantEntry Town(int n)
    {
        var slug = $"town-{n}";
        var domains = new List<DomainEntry>();
        string primary = $"{slug}.{PlatformDomain}";
        if (n % 10 == 0)
        {
            primary = $"{slug}.de";
            domains.Add(new DomainEntry(primary, "custom", true));
            domains.Add(new DomainEntry($"www.{slug}.de", "secondary", true));
        }
        if (n == 4712)
        {
            primary = new IdnMapping().GetAscii($"bürgerstadt-{n}.de");
            domains.Add(new DomainEntry(primary, "custom", true));
        }
        var snapshot = new TenantSnapshot(
            Guid.CreateVersion7(), slug, $"Town {n}", "Gemeinde", TenantState.Active, 1, false, "klassisch",
            new BrandTokens("#1f4e79", "#9a7b00", false),
            new TenantSettings("Europe/Berlin", ["de", "en"], "BB"),
            new TenantContact($"Verwaltung {slug}", "Hauptstraße 1", "14806", slug, null, null, null),
            NewsOnly,
            primary);
        return new TenantEntry(snapshot, domains);
    }

    private static readonly FrozenSet<string> NewsOnly = FrozenSet.Create(StringComparer.Ordinal, "news");

    private static void Expect(HostMatch match, HostMatchKind kind, string? slug)
    {
        if (match.Kind != kind || match.Tenant?.Slug != slug)
        {
            throw new InvalidOperationException($"Benchmark setup broken: expected {kind} {slug}, got {match.Kind} {match.Tenant?.Slug}");
        }
    }
}

/// <summary>
/// Short runs, in process. The default out-of-process toolchain rebuilds the whole host (Razor
/// pages included) into a generated project, which alone takes over 2 minutes on 2 cores; the
/// in-process emit toolchain runs the same measurement loop without that rebuild, so the suite
/// finishes in well under 2 minutes. Fine for nanosecond lookups with no JIT/GC-mode tricks.
/// </summary>
public sealed class ShortConfig : ManualConfig
{
    public ShortConfig()
    {
        AddJob(Job.ShortRun
            .WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(15)
            .WithIterationTime(TimeInterval.FromMilliseconds(120))
            .WithToolchain(InProcessEmitToolchain.Instance));
    }
}

/// <summary>
/// Not a target, context for the numbers above: what one town change (signup, theme, domain)
/// costs this node with 10,000 towns, since every change rebuilds the frozen maps.
/// </summary>
[MemoryDiagnoser]
[MinColumn, MedianColumn]
[Config(typeof(ShortConfig))]
public class TenantRegistryUpdateBenchmarks
{
    private TenantRegistry _registry = null!;
    private TenantEntry _changed = null!;

    [GlobalSetup]
    public void Setup()
    {
        _registry = TenantRegistryBenchmarks.NewRegistry();
        _registry.ReplaceAll(Enumerable.Range(1, TenantRegistryBenchmarks.Towns).Select(TenantRegistryBenchmarks.Town));
        _changed = TenantRegistryBenchmarks.Town(4711);
    }

    [Benchmark]
    public void UpsertOneOf10000() => _registry.Upsert(_changed);
}
