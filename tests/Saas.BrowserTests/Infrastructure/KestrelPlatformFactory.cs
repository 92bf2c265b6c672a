using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Saas.TestInfrastructure;

namespace Saas.BrowserTests.Infrastructure;

/// <summary>
/// The real app on a real Kestrel socket (127.0.0.1, a free port chosen by the OS), so a real
/// browser can talk to it: <see cref="WebApplicationFactory{TEntryPoint}.UseKestrel(Action{Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions})"/>
/// and <see cref="WebApplicationFactory{TEntryPoint}.StartServer"/> (new in .NET 10) replace the
/// in-memory TestServer. Embedded defaults: SQLite in a temp folder, in-memory jobs, no Redis,
/// the demo towns seeded from the checkout's <c>tenants/</c>, environment Production.
/// </summary>
public sealed class KestrelPlatformFactory : WebApplicationFactory<Program>
{
    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "saas-browser-tests", Guid.NewGuid().ToString("N"));

    private readonly TimeProvider? _clock;
    private readonly bool _https;
    private readonly int? _smtpPort;

    /// <param name="clock">A clock the test moves by hand (scheduled publishing); the real clock when null.</param>
    /// <param name="https">
    /// Serve TLS with a throwaway self-signed certificate (the browser context ignores certificate errors).
    /// Forms need it: antiforgery refuses to issue its Secure cookie on a plain-http request, whatever the browser would accept.
    /// </param>
    /// <param name="smtpPort">Port of an <c>SmtpListener</c> on loopback: mails then go there through the real MailKit sender (else to the pickup folder).</param>
    public KestrelPlatformFactory(TimeProvider? clock = null, bool https = false, int? smtpPort = null)
    {
        _clock = clock;
        _https = https;
        _smtpPort = smtpPort;
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0, listen =>
        {
            if (https)
            {
                listen.UseHttps(SelfSignedCertificate());
            }
        }));
    }

    /// <summary>The scheme the server speaks.</summary>
    public string Scheme => _https ? Uri.UriSchemeHttps : Uri.UriSchemeHttp;

    private static System.Security.Cryptography.X509Certificates.X509Certificate2 SelfSignedCertificate()
    {
        using var key = System.Security.Cryptography.RSA.Create(2048);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest(
            "CN=localhost", key, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        var names = new System.Security.Cryptography.X509Certificates.SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddDnsName("*.localhost");
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
        return System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12(
            certificate.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx), null);
    }

    /// <summary>The port Kestrel listens on (valid after <see cref="Start"/>).</summary>
    public int Port { get; private set; }

    /// <summary>Starts the server and learns its port.</summary>
    public void Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("Kestrel reports no addresses.");
        var address = addresses.Select(a => new Uri(a)).FirstOrDefault(u => u.Scheme == Scheme)
            ?? throw new InvalidOperationException($"Kestrel listens on no {Scheme} address: {string.Join(", ", addresses)}");
        Port = address.Port;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environments.Production);
        builder.UseSetting("Platform:Domain", "localhost");
        builder.UseSetting("Platform:SeedDemoTenants", "true");
        builder.UseSetting("Platform:DataPath", _dataPath);
        // One browser loads hundreds of pages and assets from 127.0.0.1 within a minute.
        builder.UseSetting("Platform:RequestsPerMinute", 100_000.ToString(CultureInfo.InvariantCulture));
        // The JSON request log of a production node would drown the test output.
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Warning");
        if (_smtpPort is { } smtpPort)
        {
            builder.UseSetting("Mail:Smtp:Host", "127.0.0.1");
            builder.UseSetting("Mail:Smtp:Port", smtpPort.ToString(CultureInfo.InvariantCulture));
            builder.UseSetting("Mail:Smtp:Security", "None");
        }
        if (_clock is { } clock)
        {
            builder.ConfigureTestServices(services => ClockedOutputCacheStore.UseClock(services, clock));
        }
        // Tests hash and check hundreds of passwords; at production strength (600,000 PBKDF2 rounds, asserted by
        // the unit test PasswordHashingTests) that alone cost minutes of the suite's two cores. Hashes keep their
        // own round count, so the demo staff's production-strength hashes still verify.
        builder.ConfigureTestServices(services => services.PostConfigure<PasswordHasherOptions>(o => o.IterationCount = 10_000));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try
        {
            Directory.Delete(_dataPath, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment; the temp folder is throwaway anyway.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
