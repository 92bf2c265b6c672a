using System.Globalization;
using BenchmarkDotNet.Running;
using Saas.Benchmarks;
using Saas.Benchmarks.Appointments;
using Saas.Benchmarks.TenantScale;

// One executable, three uses (see bench/README.md):
//   (no args) | BenchmarkDotNet args   the micro-benchmarks, e.g. `--filter '*Resolve*'`
//   --verify                           checks the allocation-free host resolution against HostNormalizer.Normalize
//   seed  DATA_PATH TOWNS CONTENT_ROOT bench-only seeding of many towns (used by tenant-scale.sh)
//   visit BASE_URL HOST_PID TOWNS SAMPLE CONCURRENCY [DOMAIN]   the tenant-scale load (used by tenant-scale.sh)
//   appointments-template CONTENT_ROOT | appointments-fill BASE_URL DOMAIN BOOKINGS |
//   appointments-clone OWNER_CS TOWNS | appointments-measure BASE_URL DOMAIN TOWNS SEARCHES CLIENTS OWNER_CS
//                                      the appointments benchmark (used by appointments.sh)
//   signup-measure BASE_URL DOMAIN MAIL_FOLDER COUNT   the signup benchmark (used by signup.sh)
//   sql CONNECTION_STRING STATEMENT     one PostgreSQL statement (appointments.sh creates and drops its database; no psql needed)
return args switch
{
    ["--verify"] => Verify.Run(),
    ["seed", var data, var towns, var root] => await TownSeeding.RunAsync(data, int.Parse(towns, CultureInfo.InvariantCulture), root),
    ["visit", var url, var pid, var towns, var sample, var concurrency, .. var rest] => await TownVisits.RunAsync(
        new Uri(url), int.Parse(pid, CultureInfo.InvariantCulture), int.Parse(towns, CultureInfo.InvariantCulture),
        int.Parse(sample, CultureInfo.InvariantCulture), int.Parse(concurrency, CultureInfo.InvariantCulture), rest.Length > 0 ? rest[0] : "localhost"),
    ["signup-measure", var url, var domain, var mail, var count] => await Saas.Benchmarks.Signup.SignupLoad.MeasureAsync(
        new Uri(url), domain, mail, int.Parse(count, CultureInfo.InvariantCulture)),
    ["sql", var connection, var sql] => await AppointmentsSeeding.SqlAsync(connection, sql),
    ["appointments-template", var root] => await AppointmentsSeeding.TemplateAsync(root),
    ["appointments-fill", var url, var domain, var bookings] => await AppointmentsLoad.FillAsync(new Uri(url), domain, int.Parse(bookings, CultureInfo.InvariantCulture)),
    ["appointments-clone", var owner, var towns] => await AppointmentsSeeding.CloneAsync(owner, int.Parse(towns, CultureInfo.InvariantCulture)),
    ["appointments-measure", var url, var domain, var towns, var searches, var clients, var owner] => await AppointmentsLoad.MeasureAsync(
        new Uri(url), domain, int.Parse(towns, CultureInfo.InvariantCulture), int.Parse(searches, CultureInfo.InvariantCulture),
        int.Parse(clients, CultureInfo.InvariantCulture), owner),
    _ => RunBenchmarks(args),
};

static int RunBenchmarks(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(TenantRegistryBenchmarks).Assembly).Run(args.Length == 0 ? ["--filter", "*"] : args);
    return 0;
}
