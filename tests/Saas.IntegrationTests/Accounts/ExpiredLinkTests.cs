using Saas.IntegrationTests.Infrastructure;
using Saas.TestInfrastructure.Mail;

namespace Saas.IntegrationTests.Accounts;

/// <summary>A node whose mailed links live five seconds (the token lifetime option), next to the shared one.</summary>
public sealed class ShortLinksFixture : IAsyncLifetime
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    public SmtpListener Smtp { get; } = SmtpListener.Start();

    public PlatformFactory Factory { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Factory = new PlatformFactory(new PlatformFactoryOptions
        {
            Database = await TestDatabase.CreateAsync("short_links"),
            SmtpPort = Smtp.Port,
            Settings = new Dictionary<string, string?> { ["Accounts:LinkLifetime"] = Lifetime.ToString() },
        });
        await TestTowns.CreateAsync(Factory, "kurz");
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

public sealed class ExpiredLinkTests(ShortLinksFixture fixture) : IClassFixture<ShortLinksFixture>
{
    private const string Host = "kurz.localhost";

    [Fact]
    public async Task Given_expired_confirmation_and_reset_links_When_opened_Then_they_are_refused_with_a_way_to_a_new_link()
    {
        var email = ResidentsFixture.NewEmail("abgelaufen");
        var browser = ResidentClient.For(fixture.Factory, Host);
        await browser.RegisterAsync("Spät", email, "Herbstlaub im Stadtpark");
        var first = await fixture.Smtp.WaitForMessageToAsync(email);
        var confirm = first.FirstLink("/konto/bestaetigen");
        await Task.Delay(ShortLinksFixture.Lifetime + TimeSpan.FromSeconds(1));

        var confirmPage = await browser.OpenAsync(confirm);

        Assert.Contains("Link ungültig oder abgelaufen", confirmPage, StringComparison.Ordinal);
        Assert.Contains("href=\"/konto/bestaetigung-erneut\"", confirmPage, StringComparison.Ordinal);

        // A fresh link works; a reset link left lying past its lifetime does not.
        await browser.SubmitAsync("/konto/bestaetigung-erneut", ("Email", email));
        var fresh = (await fixture.Smtp.WaitForMessageAsync(m => IsTo(m, email) && m.MessageId != first.MessageId)).FirstLink("/konto/bestaetigen");
        Assert.Contains("E-Mail-Adresse bestätigt", await browser.OpenAsync(fresh), StringComparison.Ordinal);
        await browser.SubmitAsync("/konto/passwort-vergessen", ("Email", email));
        var reset = (await fixture.Smtp.WaitForMessageAsync(m => IsTo(m, email) && (m.Subject ?? "").Contains("Neues Passwort", StringComparison.Ordinal))).FirstLink("/konto/passwort-zuruecksetzen");
        await Task.Delay(ShortLinksFixture.Lifetime + TimeSpan.FromSeconds(1));
        var resetPage = await browser.OpenAsync(reset);

        Assert.Contains("Link ungültig oder abgelaufen", resetPage, StringComparison.Ordinal);
        Assert.Contains("href=\"/konto/passwort-vergessen\"", resetPage, StringComparison.Ordinal);
    }

    private static bool IsTo(MimeKit.MimeMessage message, string address) =>
        message.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase));
}
