using System.Net;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Saas.Kernel.Data;

namespace Saas.Host.Tenancy.Domains;

/// <summary>What the last DNS check of a claimed domain found.</summary>
internal enum DomainCheckResult
{
    Verified,
    NoRecord,
    WrongToken,
    DnsFailure,
}

/// <summary>One of the town's own domains as the admin page shows it.</summary>
internal sealed record ClaimedDomain(
    string Host, string DisplayHost, bool Verified, bool Primary, string? Token, DateTime CreatedAt, DateTime? LastCheckedAt, DomainCheckResult? LastResult)
{
    public string RecordName => DomainClaims.RecordName(Host);

    public string? RecordValue => Token is null ? null : DomainClaims.RecordValue(Token);
}

/// <summary>
/// A town claims its own domain by publishing a DNS TXT record with a token only it was shown:
/// <c>_rathausplatz.{domain} TXT "rathausplatz-verification={token}"</c>. Until the record is found the
/// domain answers nothing; once found it redirects to the town's primary address, and the town may make
/// it the primary address itself (the platform subdomain then answers 301 to it). A claim that is not
/// proven within <see cref="ClaimLifetime"/> is released, so nobody can block a name by claiming it.
/// </summary>
internal sealed class DomainClaims(
    IDbContextFactory<RegistryDbContext> contexts, TenantAdministration administration, TenantRegistry registry, IDomainDns dns, TimeProvider clock)
{
    public const int MaxDomainsPerTown = 5;
    public static readonly TimeSpan ClaimLifetime = TimeSpan.FromDays(14);

    public static string RecordName(string host) => $"_rathausplatz.{host}";

    public static string RecordValue(string token) => $"rathausplatz-verification={token}";

    public async Task<IReadOnlyList<ClaimedDomain>> ListAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        var primary = registry.Find(tenantId)?.PrimaryHost;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Domains.AsNoTracking().Where(d => d.TenantId == tenantId).OrderBy(d => d.CreatedAt).ToListAsync(cancellationToken);
        return [.. rows.Select(d => new ClaimedDomain(
            d.Host, Display(d.Host), d.Verified, d.Host == primary, d.Verified ? null : d.VerificationToken,
            Utc(d.CreatedAt), d.LastCheckedAt is { } at ? Utc(at) : null,
            Enum.TryParse<DomainCheckResult>(d.CheckResult, out var result) ? result : null))];
    }

    /// <summary>Claims a domain for the town; returns the text key of the reason when refused.</summary>
    public async Task<(string? Error, string? Host)> ClaimAsync(Guid tenantId, string? input, CancellationToken cancellationToken)
    {
        var host = HostNormalizer.Normalize(StripUrl(input));
        if (host is null || !host.Contains('.', StringComparison.Ordinal) || IPAddress.TryParse(host, out _))
        {
            return ("admin.domain.error.invalid", null);
        }
        if (registry.IsPlatformHost(host))
        {
            return ("admin.domain.error.platform", null);
        }
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var owner = await db.Domains.AsNoTracking().Where(d => d.Host == host).Select(d => (Guid?)d.TenantId).SingleOrDefaultAsync(cancellationToken);
            if (owner is { } id)
            {
                return (id == tenantId ? "admin.domain.error.own" : "admin.domain.error.taken", null);
            }
            if (await db.Domains.CountAsync(d => d.TenantId == tenantId, cancellationToken) >= MaxDomainsPerTown)
            {
                return ("admin.domain.error.limit", null);
            }
        }
        try
        {
            await administration.ClaimDomainAsync(tenantId, host, NewToken(), cancellationToken);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            // Another town, or a second click, claimed it between the check and the insert.
            return ("admin.domain.error.taken", null);
        }
        return (null, host);
    }

    /// <summary>Looks for the town's TXT record now; null when the town has no such pending claim.</summary>
    public async Task<DomainCheckResult?> CheckAsync(Guid tenantId, string? host, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var claim = await db.Domains.AsNoTracking()
            .SingleOrDefaultAsync(d => d.Host == host && d.TenantId == tenantId && !d.Verified && d.VerificationToken != null, cancellationToken);
        return claim is null ? null : await CheckAsync(claim, cancellationToken);
    }

    /// <summary>
    /// Makes a verified domain the town's primary address, or (host empty) the platform subdomain again.
    /// A domain that does not resolve is refused: every visitor would be sent to a dead address.
    /// </summary>
    public async Task<string?> MakePrimaryAsync(Guid tenantId, string? host, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(host))
        {
            await administration.SetPrimaryDomainAsync(tenantId, null, cancellationToken);
            return null;
        }
        if (registry.FindEntry(tenantId)?.Domains.Any(d => d.Host == host && d.Verified) != true)
        {
            return "admin.domain.error.unknown";
        }
        var resolves = await dns.ResolvesAsync(host, cancellationToken);
        if (resolves.Failure is not null)
        {
            return "admin.domain.error.dnsFailure";
        }
        if (!resolves.Value)
        {
            return "admin.domain.error.notResolving";
        }
        await administration.SetPrimaryDomainAsync(tenantId, host, cancellationToken);
        return null;
    }

    public async Task<bool> RemoveAsync(Guid tenantId, string? host, CancellationToken cancellationToken) =>
        !string.IsNullOrEmpty(host) && await administration.RemoveDomainAsync(tenantId, host, cancellationToken);

    /// <summary>The periodic run: checks every pending claim and releases those past their lifetime.</summary>
    public async Task<(int Checked, int Verified, int Released)> CheckPendingAsync(CancellationToken cancellationToken)
    {
        List<TenantDomainRow> pending;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            pending = await db.Domains.AsNoTracking().Where(d => !d.Verified && d.VerificationToken != null).ToListAsync(cancellationToken);
        }
        var (checkedCount, verified, released) = (0, 0, 0);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var claim in pending)
        {
            if (now - Utc(claim.CreatedAt) > ClaimLifetime)
            {
                released += await administration.RemoveDomainAsync(claim.TenantId, claim.Host, cancellationToken) ? 1 : 0;
                continue;
            }
            checkedCount++;
            verified += await CheckAsync(claim, cancellationToken) == DomainCheckResult.Verified ? 1 : 0;
        }
        return (checkedCount, verified, released);
    }

    private async Task<DomainCheckResult> CheckAsync(TenantDomainRow claim, CancellationToken cancellationToken)
    {
        var answer = await dns.TxtAsync(RecordName(claim.Host), cancellationToken);
        var expected = RecordValue(claim.VerificationToken!);
        var result = answer.Failure is not null ? DomainCheckResult.DnsFailure
            : answer.Value!.Any(v => string.Equals(v.Trim(), expected, StringComparison.Ordinal)) ? DomainCheckResult.Verified
            : answer.Value!.Any(v => v.TrimStart().StartsWith("rathausplatz-verification=", StringComparison.Ordinal)) ? DomainCheckResult.WrongToken
            : DomainCheckResult.NoRecord;
        // The check itself is bookkeeping: it does not change the town, so it bumps no version.
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            await db.Domains.Where(d => d.Host == claim.Host && d.TenantId == claim.TenantId)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.LastCheckedAt, clock.GetUtcNow().UtcDateTime).SetProperty(d => d.CheckResult, result.ToString()), cancellationToken);
        }
        if (result == DomainCheckResult.Verified)
        {
            await administration.VerifyDomainAsync(claim.TenantId, claim.Host, cancellationToken);
        }
        return result;
    }

    /// <summary>Admins paste what they have: "https://service.example.de/", "service.example.de." or just the name.</summary>
    private static string? StripUrl(string? input)
    {
        var text = input?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            text = text[(scheme + 3)..];
        }
        var end = text.IndexOfAny(['/', '?', '#']);
        return end >= 0 ? text[..end] : text;
    }

    /// <summary>128 random bits as hex: fits a TXT record and survives copy and paste.</summary>
    private static string NewToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private static string Display(string host) =>
        host.Contains("xn--", StringComparison.Ordinal) ? HostNormalizer.UnicodeForm(host) ?? host : host;

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
