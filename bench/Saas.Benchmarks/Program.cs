using System.Globalization;
using BenchmarkDotNet.Running;
using Saas.Benchmarks;
using Saas.Benchmarks.TenantScale;

// One executable, three uses (see bench/README.md):
//   (no args) | BenchmarkDotNet args   the micro-benchmarks, e.g. `--filter '*Resolve*'`
//   --verify                           checks the allocation-free host resolution against HostNormalizer.Normalize
//   seed  DATA_PATH TOWNS CONTENT_ROOT bench-only seeding of many towns (used by tenant-scale.sh)
//   visit BASE_URL HOST_PID TOWNS SAMPLE CONCURRENCY [DOMAIN]   the tenant-scale load (used by tenant-scale.sh)
return args switch
{
    ["--verify"] => Verify.Run(),
    ["seed", var data, var towns, var root] => await TownSeeding.RunAsync(data, int.Parse(towns, CultureInfo.InvariantCulture), root),
    ["visit", var url, var pid, var towns, var sample, var concurrency, .. var rest] => await TownVisits.RunAsync(
        new Uri(url), int.Parse(pid, CultureInfo.InvariantCulture), int.Parse(towns, CultureInfo.InvariantCulture),
        int.Parse(sample, CultureInfo.InvariantCulture), int.Parse(concurrency, CultureInfo.InvariantCulture), rest.Length > 0 ? rest[0] : "localhost"),
    _ => RunBenchmarks(args),
};

static int RunBenchmarks(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(TenantRegistryBenchmarks).Assembly).Run(args.Length == 0 ? ["--filter", "*"] : args);
    return 0;
}
