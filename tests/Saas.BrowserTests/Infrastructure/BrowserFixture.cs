using Microsoft.Playwright;
using Saas.TestInfrastructure;

namespace Saas.BrowserTests.Infrastructure;

/// <summary>
/// One app server and one headless Chromium for the whole test run, shared by the test
/// collections (<see cref="BrowserCollection"/>); every test opens its own browser context.
/// xunit v2 has no assembly fixtures, so each collection gets a thin <see cref="BrowserFixture"/>
/// that counts its users of the one <see cref="BrowserHost"/>; the last one out stops it.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static BrowserHost? s_shared;
    private static int s_users;

    private BrowserHost? _host;

    private BrowserHost Host => _host ?? throw new InvalidOperationException("The browser fixture has not been initialised.");

    /// <summary>Port of the app server on 127.0.0.1.</summary>
    public int Port => Host.Port;

    public IBrowser Browser => Host.Browser;

    public async Task InitializeAsync()
    {
        await Gate.WaitAsync();
        try
        {
            s_shared ??= await BrowserHost.StartAsync();
            s_users++;
            _host = s_shared;
        }
        finally
        {
            Gate.Release();
        }
    }

    public async Task DisposeAsync()
    {
        if (_host is null)
        {
            return;
        }
        await Gate.WaitAsync();
        try
        {
            _host = null;
            if (--s_users == 0 && s_shared is { } last)
            {
                s_shared = null;
                await last.DisposeAsync();
            }
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Origin of a demo town, e.g. <c>http://bad-belzig.localhost:PORT</c> (Chromium resolves *.localhost to loopback).</summary>
    public string TownOrigin(string slug) => $"http://{slug}.localhost:{Port}";

    /// <summary>Origin of the platform site.</summary>
    public string PlatformOrigin => $"http://localhost:{Port}";

    /// <summary>A fresh, isolated context (German locale, Berlin time) with one page of the given viewport.</summary>
    public async Task<IPage> NewPageAsync(int width, int height)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "de-DE",
            TimezoneId = "Europe/Berlin",
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        context.SetDefaultTimeout(30_000);
        // Generous, and the same for assertions: a save bumps the town version and pages are rendered afresh;
        // on a loaded 2-core machine that has taken over 15 s. A hang still fails.
        Assertions.SetDefaultExpectTimeout(30_000);
        context.SetDefaultNavigationTimeout(20_000);
        return await context.NewPageAsync();
    }
}

/// <summary>The running app (Kestrel) and the launched Chromium.</summary>
public sealed class BrowserHost : IAsyncDisposable
{
    private readonly KestrelPlatformFactory _factory;
    private readonly IPlaywright _playwright;

    private BrowserHost(KestrelPlatformFactory factory, IPlaywright playwright, IBrowser browser)
    {
        _factory = factory;
        _playwright = playwright;
        Browser = browser;
    }

    public int Port => _factory.Port;

    public IBrowser Browser { get; }

    /// <summary>The app's services (to create accounts for a test).</summary>
    public IServiceProvider Services => _factory.Services;

    public string Scheme => _factory.Scheme;

    /// <param name="clock">A clock the test moves by hand; the real clock when null.</param>
    /// <param name="https">Serve TLS (self-signed): needed for pages with forms.</param>
    /// <param name="smtpPort">Send mail to this SMTP listener on loopback.</param>
    public static async Task<BrowserHost> StartAsync(TimeProvider? clock = null, bool https = false, int? smtpPort = null)
    {
        // The tests use the system Chromium only; make sure nothing ever tries to fetch one.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        var chromium = ChromiumPath.Get();

        var factory = new KestrelPlatformFactory(clock, https, smtpPort);
        IPlaywright? playwright = null;
        try
        {
            factory.Start();
            // The driver (node + playwright-core) comes from the NuGet package, copied to
            // bin/.../.playwright by the package's build targets; no download.
            playwright = await Playwright.CreateAsync();
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = chromium,
                Headless = true,
                Args =
                [
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--no-first-run",
                    "--disable-dev-shm-usage",
                ],
            });
            return new BrowserHost(factory, playwright, browser);
        }
        catch
        {
            playwright?.Dispose();
            await factory.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.CloseAsync();
        _playwright.Dispose();
        await _factory.DisposeAsync();
    }
}

/// <summary>
/// The browser tests' two collections. Collections run in parallel (xunit.runner.json: at most
/// two at a time, one per core); tests inside one run one after another. Both use the same
/// server and browser.
/// </summary>
public static class BrowserCollection
{
    public const string Phone = "Browser 1: axe at 360 px, keyboard";
    public const string Desktop = "Browser 2: axe at 1280 px, screenshots";

    [CollectionDefinition(Phone)]
    public sealed class PhoneDefinition : ICollectionFixture<BrowserFixture>;

    [CollectionDefinition(Desktop)]
    public sealed class DesktopDefinition : ICollectionFixture<BrowserFixture>;
}
