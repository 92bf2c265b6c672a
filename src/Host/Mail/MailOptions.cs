namespace Saas.Host.Mail;

/// <summary>The <c>Mail</c> configuration section.</summary>
internal sealed class MailOptions
{
    /// <summary>The platform's sender address (<c>Mail:From</c>); <c>noreply@{Platform:Domain}</c> when not set.</summary>
    public string? From { get; set; }

    public SmtpOptions Smtp { get; set; } = new();
}

/// <summary>The mail server (<c>Mail:Smtp</c>); without <see cref="Host"/>, mails go to the pickup folder.</summary>
internal sealed class SmtpOptions
{
    public string? Host { get; set; }

    /// <summary>When not set: 465 for <see cref="SmtpSecurity.SslOnConnect"/>, 25 for <see cref="SmtpSecurity.None"/>, else 587.</summary>
    public int? Port { get; set; }

    public string? User { get; set; }

    public string? Password { get; set; }

    /// <summary>STARTTLS by default, so credentials and addresses never cross the network in clear by accident.</summary>
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    /// <summary>For connecting and for each command; a hanging server must not hold a job forever.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public int EffectivePort => Port ?? Security switch
    {
        SmtpSecurity.SslOnConnect => 465,
        SmtpSecurity.None => 25,
        _ => 587,
    };
}

internal enum SmtpSecurity
{
    /// <summary>Plain SMTP (a relay on the same host or network).</summary>
    None,
    /// <summary>Upgrade to TLS after connecting (submission port 587); fails when the server cannot.</summary>
    StartTls,
    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect,
}
