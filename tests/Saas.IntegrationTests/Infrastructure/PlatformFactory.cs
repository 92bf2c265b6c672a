using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Saas.TestInfrastructure;

namespace Saas.IntegrationTests.Infrastructure;

/// <summary>
/// One running node of the product against a real database (and Redis when given), through the
/// test server. Towns answer at <c>{slug}.localhost</c>; the platform site at <c>localhost</c>.
/// </summary>
public sealed class PlatformFactory(PlatformFactoryOptions options) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(options.Environment);
        builder.UseSetting("Platform:Domain", "localhost");
        builder.UseSetting("Platform:SeedDemoTenants", options.SeedDemoTowns ? "true" : "false");
        builder.UseSetting("Platform:VersionSweepInterval", options.VersionSweepInterval.ToString());
        builder.UseSetting("Platform:RequestsPerMinute", options.RequestsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (options.TenantsPath is not null)
        {
            builder.UseSetting("Platform:TenantsPath", options.TenantsPath);
        }
        if (options.Database is { } db)
        {
            builder.UseSetting("ConnectionStrings:Postgres", db.OwnerConnectionString);
            builder.UseSetting("ConnectionStrings:PostgresApp", db.AppConnectionString);
            // Still a data folder of its own: the mail pickup folder must never land in the source tree.
            builder.UseSetting("Platform:DataPath", Path.Combine(Path.GetTempPath(), "saas-tests", Guid.NewGuid().ToString("N")));
        }
        else
        {
            builder.UseSetting("Platform:DataPath", options.SqliteFolder ?? Path.Combine(Path.GetTempPath(), "saas-tests", Guid.NewGuid().ToString("N")));
        }
        // Kestrel gives every connection a remote address; the test server gives none. Loopback
        // stands in, so the audit log's "from where" and per-client limits see what production sees.
        builder.ConfigureServices(services => services.AddTransient<IStartupFilter, LoopbackRemoteAddress>());
        // Tests hash and check hundreds of passwords; at production strength (600,000 PBKDF2 rounds, asserted by
        // the unit test PasswordHashingTests) that alone cost minutes of the suite's two cores. Hashes keep their
        // own round count, so the demo staff's production-strength hashes still verify.
        builder.ConfigureTestServices(services => services.PostConfigure<PasswordHasherOptions>(o => o.IterationCount = 10_000));
        if (options.Clock is { } clock)
        {
            builder.ConfigureTestServices(services => ClockedOutputCacheStore.UseClock(services, clock));
        }
        if (options.Services is { } configure)
        {
            builder.ConfigureTestServices(configure);
        }
        if (options.SmtpPort is { } smtpPort)
        {
            builder.UseSetting("Mail:Smtp:Host", "127.0.0.1");
            builder.UseSetting("Mail:Smtp:Port", smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Mail:Smtp:Security", "None");
        }
        if (options.Redis is not null)
        {
            builder.UseSetting("ConnectionStrings:Redis", options.Redis);
            builder.UseSetting("Platform:ChangeChannel", options.ChangeChannel ?? $"saas:test:{Guid.NewGuid():N}");
        }
        foreach (var (key, value) in options.Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>
    /// A client whose requests carry <paramref name="host"/> as the Host header. Sessions need
    /// <paramref name="https"/>: their cookies are Secure, and the client's cookie jar keeps them off http.
    /// </summary>
    public HttpClient ClientFor(string host, bool followRedirects = false, bool https = false)
    {
        var scheme = https ? "https" : "http";
        var client = CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri($"{scheme}://{host}/"), AllowAutoRedirect = followRedirects });
        return client;
    }

    public T Service<T>() where T : notnull => Services.GetRequiredService<T>();

    public PlatformFactoryOptions Options => options;
}

public sealed record PlatformFactoryOptions
{
    public TestDatabase? Database { get; init; }
    public string? SqliteFolder { get; init; }
    public string? Redis { get; init; }
    public string? ChangeChannel { get; init; }
    public bool SeedDemoTowns { get; init; }
    public string? TenantsPath { get; init; }
    public string Environment { get; init; } = Environments.Production;
    public TimeSpan VersionSweepInterval { get; init; } = TimeSpan.FromSeconds(5);
    public int RequestsPerMinute { get; init; } = 100_000;

    /// <summary>A clock the test moves by hand (scheduled publishing); the real clock when null.</summary>
    public TimeProvider? Clock { get; init; }

    /// <summary>Replaces services after the app registered its own (e.g. a clock).</summary>
    public Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? Services { get; init; }

    /// <summary>Port of an <c>SmtpListener</c> on loopback; mails then go there through the real MailKit sender.</summary>
    public int? SmtpPort { get; init; }

    /// <summary>Further configuration, applied last.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();
}

/// <summary>Sets the loopback address as the remote address of test-server requests that carry none.</summary>
internal sealed class LoopbackRemoteAddress : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            context.Connection.RemoteIpAddress ??= System.Net.IPAddress.Loopback;
            await nextMiddleware();
        });
        next(app);
    };
}
