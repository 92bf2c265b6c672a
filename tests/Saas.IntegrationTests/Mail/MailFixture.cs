using Microsoft.Extensions.DependencyInjection;
using Saas.IntegrationTests.Infrastructure;
using Saas.Kernel.Mail;
using Saas.Kernel.Tenancy;
using Saas.TestInfrastructure.Mail;

namespace Saas.IntegrationTests.Mail;

/// <summary>One node whose mails go through the real MailKit sender to an SMTP listener on loopback, and one town.</summary>
public sealed class MailFixture : IAsyncLifetime
{
    public const string PlatformAddress = "noreply@rathausplatz.example";
    public const string Town = "post-a";

    public SmtpListener Smtp { get; } = SmtpListener.Start();

    public PlatformFactory Factory { get; private set; } = null!;

    public Guid TownId { get; private set; }

    public async Task InitializeAsync()
    {
        Factory = new PlatformFactory(new PlatformFactoryOptions
        {
            Database = await TestDatabase.CreateAsync("mail"),
            SmtpPort = Smtp.Port,
            Settings = new Dictionary<string, string?> { ["Mail:From"] = PlatformAddress },
        });
        TownId = await TestTowns.CreateAsync(Factory, Town);
    }

    /// <summary>Sends as if from a request or job of the town.</summary>
    public Task SendAsTownAsync(MailMessage message) =>
        TestTowns.AsTownAsync(Factory, TownId, async services =>
        {
            await services.GetRequiredService<IMailSender>().SendAsync(message, CancellationToken.None);
            return true;
        });

    /// <summary>Composes in the town's context (its name signs, its colour paints the button).</summary>
    public Task<ComposedMail> ComposeAsTownAsync(System.Globalization.CultureInfo culture, MailContent content) =>
        TestTowns.AsTownAsync(Factory, TownId, services => Task.FromResult(services.GetRequiredService<MailComposer>().Compose(culture, content)));

    /// <summary>A recipient no other test uses, so tests can share the listener.</summary>
    public static string NewRecipient() => $"person-{Guid.NewGuid():N}@example.net";

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

/// <summary>Makes the ambient context explicit for platform mails (no town).</summary>
internal static class NoTown
{
    public static IDisposable Begin() => AmbientTenant.Begin(null);
}
