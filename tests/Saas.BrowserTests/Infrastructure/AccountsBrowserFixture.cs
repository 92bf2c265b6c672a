using Microsoft.Playwright;
using Saas.Kernel.Security;
using Saas.TestInfrastructure;
using Saas.TestInfrastructure.Mail;

namespace Saas.BrowserTests.Infrastructure;

/// <summary>
/// An app of its own for the account, admin and support pages: TLS (the session and antiforgery
/// cookies are Secure), mail to a real SMTP listener on loopback, a hand-moved clock (TOTP codes
/// are taken at its time), a TenantAdmin with an authenticator in every demo town and a support
/// engineer on the platform.
/// </summary>
public sealed class AccountsBrowserFixture : IAsyncLifetime
{
    public const string Name = "Browser 4: accounts, admin and support";

    /// <summary>
    /// A second instance (own host, database, SMTP listener and Chromium) for the booking journeys, so the
    /// longest browser collection is split in two that run side by side.
    /// </summary>
    public const string Bookings = "Browser 5: appointments, co-working and job journeys";

    private BrowserHost? _host;
    private SmtpListener? _smtp;
    private int _sequence;

    public TestClock Clock { get; } = new();

    /// <summary>One TenantAdmin per demo town (sees every admin page, the user list and the audit log).</summary>
    public Dictionary<string, StaffAccount> Admins { get; } = [];

    public SupportAccount Support { get; private set; } = null!;

    public SmtpListener Mail => _smtp ?? throw new InvalidOperationException("not started");

    public IServiceProvider Services => Host.Services;

    private BrowserHost Host => _host ?? throw new InvalidOperationException("not started");

    public string Origin(string slug) => $"{Host.Scheme}://{slug}.localhost:{Host.Port}";

    public string PlatformOrigin => $"{Host.Scheme}://localhost:{Host.Port}";

    /// <summary>A name no other test of this run uses (accounts live as long as the app).</summary>
    public string Unique(string prefix) => $"{prefix}-{Interlocked.Increment(ref _sequence)}";

    public async Task InitializeAsync()
    {
        _smtp = SmtpListener.Start();
        _host = await BrowserHost.StartAsync(Clock, https: true, smtpPort: _smtp.Port);
        foreach (var town in DemoTowns.All)
        {
            Admins[town] = await StaffAccount.CreateAsync(Host.Services, town, $"verwaltung@{town}.example", Roles.TenantAdmin);
        }
        Support = await SupportAccount.CreateAsync(Host.Services, "susanne@support.example");
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
        if (_smtp is not null)
        {
            await _smtp.DisposeAsync();
        }
    }

    /// <summary>A fresh browser context (German, Berlin time) with one page of the given width.</summary>
    public async Task<IPage> NewPageAsync(int width)
    {
        var context = await Host.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "de-DE",
            TimezoneId = "Europe/Berlin",
            ViewportSize = new ViewportSize { Width = width, Height = Viewports.HeightFor(width) },
            IgnoreHTTPSErrors = true, // the app's throwaway self-signed certificate
        });
        context.SetDefaultTimeout(30_000);
        // Generous, and the same for assertions: a save bumps the town version and pages are rendered afresh;
        // on a loaded 2-core machine that has taken over 15 s. A hang still fails.
        Assertions.SetDefaultExpectTimeout(30_000);
        context.SetDefaultNavigationTimeout(20_000);
        return await context.NewPageAsync();
    }

    [CollectionDefinition(Name)]
    public sealed class Definition : ICollectionFixture<AccountsBrowserFixture>;

    [CollectionDefinition(Bookings)]
    public sealed class BookingsDefinition : ICollectionFixture<AccountsBrowserFixture>;
}
