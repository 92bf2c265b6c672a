using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Saas.IntegrationTests.Infrastructure;
using Saas.Kernel.Mail;

namespace Saas.IntegrationTests.Mail;

/// <summary>The embedded default: no SMTP server configured, so mails become .eml files in the data folder.</summary>
public sealed class PickupFolderTests : IAsyncLifetime
{
    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "saas-tests", "pickup-" + Guid.NewGuid().ToString("N"));
    private PlatformFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _factory = new PlatformFactory(new PlatformFactoryOptions
        {
            Database = await TestDatabase.CreateAsync("mail_pickup"),
            Settings = new Dictionary<string, string?> { ["Platform:DataPath"] = _dataPath },
        });
    }

    [Fact]
    public async Task Given_no_smtp_server_When_a_town_sends_a_mail_Then_a_readable_eml_file_appears_in_the_data_folders_mail_folder()
    {
        var townId = await TestTowns.CreateAsync(_factory, "post-pickup");
        var composed = await TestTowns.AsTownAsync(_factory, townId, services => Task.FromResult(services.GetRequiredService<MailComposer>()
            .Compose(System.Globalization.CultureInfo.GetCultureInfo("de"), new MailContent("Ihr Termin am Montag", ["Bitte bringen Sie Ihren Ausweis mit."])
            {
                Action = new MailAction("Termin ansehen", new Uri("https://post-pickup.localhost/termine/1")),
            })));

        await TestTowns.AsTownAsync(_factory, townId, async services =>
        {
            await services.GetRequiredService<IMailSender>().SendAsync(composed.To("anna@example.net", "Anna Beispiel"), CancellationToken.None);
            return true;
        });

        var file = Assert.Single(Directory.GetFiles(Path.Combine(_dataPath, "mail")));
        Assert.EndsWith(".eml", file, StringComparison.Ordinal);
        var mail = await MimeMessage.LoadAsync(file);
        Assert.Equal("Ihr Termin am Montag", mail.Subject);
        Assert.Equal("Gemeinde Test post-pickup", Assert.Single(mail.From.Mailboxes).Name);
        Assert.Equal("info@post-pickup.example.org", Assert.Single(mail.ReplyTo.Mailboxes).Address);
        Assert.Equal("anna@example.net", Assert.Single(mail.To.Mailboxes).Address);
        Assert.Contains("Bitte bringen Sie Ihren Ausweis mit.", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://post-pickup.localhost/termine/1", mail.HtmlBody, StringComparison.Ordinal);
        // Readable by any mail program: 7-bit clean on disk, umlauts encoded.
        Assert.All(await File.ReadAllBytesAsync(file), b => Assert.True(b < 128));
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        if (Directory.Exists(_dataPath))
        {
            Directory.Delete(_dataPath, recursive: true);
        }
    }
}
