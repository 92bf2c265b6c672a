using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Saas.Host.Accounts;

/// <summary>
/// Per-account throttling of failed sign-ins (ASVS 2.2.1): at most <see cref="AccountOptions.FailedSignInsPerHour"/>
/// failures per account and hour, then 429 with Retry-After until the window ends. Counted per
/// node; with lockout after ten failures the per-account rate stays far below the limit anyway,
/// so the throttle is the backstop against attempts on a locked account.
/// </summary>
internal sealed class LoginThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> _failures;

    public LoginThrottle(IOptions<AccountOptions> options)
    {
        var limit = options.Value.FailedSignInsPerHour;
        _failures = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ =>
            new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = TimeSpan.FromHours(1), QueueLimit = 0, AutoReplenishment = true }));
    }

    /// <summary>When the account has used up its failures: how long until it may try again.</summary>
    public TimeSpan? Blocked(Guid? tenantId, string normalizedEmail)
    {
        var key = Key(tenantId, normalizedEmail);
        if (_failures.GetStatistics(key)?.CurrentAvailablePermits > 0)
        {
            return null;
        }
        using var probe = _failures.AttemptAcquire(key, 0);
        return probe.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromHours(1);
    }

    public void RecordFailure(Guid? tenantId, string normalizedEmail)
    {
        using var _ = _failures.AttemptAcquire(Key(tenantId, normalizedEmail));
    }

    private static string Key(Guid? tenantId, string normalizedEmail) => $"{tenantId:N}|{normalizedEmail}";

    public void Dispose() => _failures.Dispose();
}

/// <summary>Account settings (section <c>Accounts</c>).</summary>
internal sealed class AccountOptions
{
    /// <summary>PBKDF2 iterations; never below OWASP's 600,000 for PBKDF2-HMAC-SHA256 (we use SHA-512).</summary>
    public const int MinimumIterations = 600_000;

    public int FailedSignInsPerHour { get; set; } = 100;

    /// <summary>How long mailed confirmation and reset links work (the mails say 24 hours).</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromHours(24);
}
