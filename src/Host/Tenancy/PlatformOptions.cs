namespace Saas.Host.Tenancy;

/// <summary>Settings of the deployment as a whole (section <c>Platform</c>).</summary>
internal sealed class PlatformOptions
{
    /// <summary>Base domain: the platform site answers here, towns at <c>{slug}.{Domain}</c>.</summary>
    public string Domain { get; set; } = "localhost";

    /// <summary>Where town recipes live; the demo towns are seeded from here.</summary>
    public string? TenantsPath { get; set; }

    public string? ThemesPath { get; set; }

    public bool SeedDemoTenants { get; set; } = true;

    /// <summary>How often each node compares its cached tenant versions with the database (heals lost messages).</summary>
    public TimeSpan VersionSweepInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Requests per minute one client may make to one town (or the platform site).</summary>
    public int RequestsPerMinute { get; set; } = 600;

    /// <summary>
    /// Answer every request with a <c>Server-Timing: app;dur=…</c> header (milliseconds in the host, from the
    /// first middleware to the response headers). Off by default: benchmarks turn it on to measure server-side.
    /// </summary>
    public bool ServerTiming { get; set; }
}
