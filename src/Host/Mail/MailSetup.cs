using MimeKit;
using Saas.Kernel.Mail;

namespace Saas.Host.Mail;

/// <summary>Registers e-mail: MailKit SMTP when <c>Mail:Smtp:Host</c> is set, else the pickup folder <c>{Platform:DataPath}/mail</c>.</summary>
internal static class MailSetup
{
    public static IServiceCollection AddPlatformMail(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection("Mail").Get<MailOptions>() ?? new MailOptions();
        var from = string.IsNullOrWhiteSpace(options.From) ? $"noreply@{configuration["Platform:Domain"] ?? "localhost"}" : options.From.Trim();
        if (!MailboxAddress.TryParse(from, out var sender) || string.IsNullOrEmpty(sender.Domain))
        {
            throw new InvalidOperationException($"Mail:From '{from}' is not an e-mail address.");
        }
        var platformSender = new MailboxAddress(MailComposer.PlatformName, sender.Address);

        services.AddSingleton<MailComposer>();
        services.AddSingleton(provider => ActivatorUtilities.CreateInstance<MimeMessageFactory>(provider, platformSender));
        if (!string.IsNullOrWhiteSpace(options.Smtp.Host))
        {
            services.AddSingleton<IMailSender>(provider => ActivatorUtilities.CreateInstance<SmtpMailSender>(provider, options.Smtp));
        }
        else
        {
            // Next to the SQLite database, resolved the same way (DatabaseOptions).
            var folder = Path.GetFullPath(Path.Combine(environment.ContentRootPath, configuration["Platform:DataPath"] ?? "data", "mail"));
            services.AddSingleton<IMailSender>(provider => ActivatorUtilities.CreateInstance<PickupFolderMailSender>(provider, folder));
        }
        return services;
    }

    /// <summary>The startup banner's line telling where mails go.</summary>
    public static string StartupLine(IServiceProvider services) => services.GetRequiredService<IMailSender>() switch
    {
        PickupFolderMailSender pickup => $"  E-mails:        written to {pickup.Folder}",
        SmtpMailSender smtp => $"  E-mails:        sent through {smtp.Server}",
        _ => "  E-mails:        sent",
    };
}
