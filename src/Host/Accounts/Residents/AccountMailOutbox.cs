using System.Threading.Channels;
using System.Threading.RateLimiting;
using Saas.Kernel.Mail;
using Saas.Kernel.Tenancy;

namespace Saas.Host.Accounts.Residents;

/// <summary>
/// Sends account mails (confirmation, reset, notices) after the response, in memory only. The page
/// answers at once and the same way whether or not a mail goes out, so neither the answer nor its
/// timing tells whether an address has an account; an unreachable mail server never turns a
/// registration into an error. Nothing is persisted: no job argument keeps an address or a link
/// after the mail left (a lost mail is asked for again from the page that sent it).
/// At most <see cref="PerAddressPerHour"/> mails go to one address of one town per hour, so the
/// forms cannot be used to flood someone's mailbox.
/// </summary>
internal sealed class AccountMailOutbox : BackgroundService
{
    public const int PerAddressPerHour = 5;
    private const int Attempts = 3;
    private const int Senders = 4;

    private readonly Channel<Envelope> _queue = Channel.CreateBounded<Envelope>(new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly PartitionedRateLimiter<string> _perAddress = PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = PerAddressPerHour,
            Window = TimeSpan.FromHours(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    private readonly IMailSender _sender;
    private readonly ILogger<AccountMailOutbox> _logger;

    public AccountMailOutbox(IMailSender sender, ILogger<AccountMailOutbox> logger)
    {
        _sender = sender;
        _logger = logger;
    }

    /// <summary>Queues <paramref name="message"/> for the current town; false when the address has had enough mail this hour.</summary>
    public bool Enqueue(MailMessage message)
    {
        var town = AmbientTenant.Current;
        using var lease = _perAddress.AttemptAcquire($"{town?.Id:N}|{message.To.Trim().ToUpperInvariant()}");
        if (!lease.IsAcquired)
        {
            _logger.LogWarning("Account mail to one address of {Town} held back: more than {Limit} in an hour", town?.Slug, PerAddressPerHour);
            return false;
        }
        return _queue.Writer.TryWrite(new Envelope(town, message));
    }

    // A few senders side by side, so one mail waiting for a retry does not hold up the others.
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Senders).Select(async _ =>
        {
            await foreach (var envelope in _queue.Reader.ReadAllAsync(stoppingToken))
            {
                await SendAsync(envelope, stoppingToken);
            }
        }));

    private async Task SendAsync(Envelope envelope, CancellationToken cancellationToken)
    {
        // The town is the sender's name and reply-to address.
        using var _ = AmbientTenant.Begin(envelope.Town);
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            try
            {
                await _sender.SendAsync(envelope.Message, cancellationToken);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _logger.LogWarning(ex, "Account mail of {Town} not sent (attempt {Attempt} of {Attempts})", envelope.Town?.Slug, attempt, Attempts);
                if (attempt < Attempts)
                {
                    await Task.Delay(TimeSpan.FromSeconds(attempt * 5), cancellationToken);
                }
            }
        }
    }

    public override void Dispose()
    {
        _perAddress.Dispose();
        base.Dispose();
    }

    private sealed record Envelope(TenantSnapshot? Town, MailMessage Message);
}
