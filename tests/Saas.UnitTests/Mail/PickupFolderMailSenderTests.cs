using Microsoft.Extensions.Logging;
using MimeKit;
using Saas.Host.Mail;
using Saas.Kernel.Mail;

namespace Saas.UnitTests.Mail;

public sealed class PickupFolderMailSenderTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "saas-unit-mail-" + Guid.NewGuid().ToString("N"), "mail");

    [Fact]
    public async Task Each_mail_becomes_an_eml_file_whose_full_path_is_logged_at_information_level()
    {
        var logger = new RecordingLogger<PickupFolderMailSender>();
        var time = new FixedTime(new DateTimeOffset(2026, 11, 2, 8, 30, 0, TimeSpan.Zero));
        var sender = new PickupFolderMailSender(new MimeMessageFactory(new MailboxAddress("Rathausplatz", "noreply@rathausplatz.example"), new FixedTown(null), time), _folder, time, logger);

        await sender.SendAsync(new MailMessage("anna@example.net", null, "Erste", "Grüße aus dem Rathaus"), CancellationToken.None);
        await sender.SendAsync(new MailMessage("anna@example.net", null, "Zweite", "Text"), CancellationToken.None);

        var files = Directory.GetFiles(_folder).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(2, files.Count);
        Assert.All(files, f => Assert.StartsWith("20261102-083000-000-", Path.GetFileName(f), StringComparison.Ordinal));
        var subjects = new List<string>();
        foreach (var file in files)
        {
            subjects.Add((await MimeMessage.LoadAsync(file)).Subject ?? "");
        }
        Assert.Equal(["Erste", "Zweite"], subjects.Order(StringComparer.Ordinal));
        Assert.Equal(files.Order(StringComparer.Ordinal), logger.Entries.Where(e => e.Level == LogLevel.Information).Select(e => files.Single(f => e.Message.Contains(f, StringComparison.Ordinal))).Order(StringComparer.Ordinal));
        Assert.All(files, f => Assert.True(Path.IsPathFullyQualified(f)));
    }

    public void Dispose()
    {
        var root = Path.GetDirectoryName(_folder)!;
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }
}

/// <summary>Keeps what was logged, formatted.</summary>
internal sealed class RecordingLogger<T> : ILogger<T>
{
    public List<(LogLevel Level, string Message)> Entries { get; } = [];

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Entries.Add((logLevel, formatter(state, exception)));
}
