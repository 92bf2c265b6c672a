namespace Saas.Host.Tenancy.Domains;

/// <summary>
/// Every ten minutes: looks for the TXT record of every pending domain claim and releases claims older
/// than <see cref="DomainClaims.ClaimLifetime"/>. Running twice at once is harmless: a check only
/// records what it saw, and verifying an already verified domain changes nothing.
/// </summary>
internal sealed class DomainVerificationJob(DomainClaims claims, ILogger<DomainVerificationJob> logger)
{
    public const string Id = "platform-domain-verification";
    public const string Cron = "*/10 * * * *";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var (checkedCount, verified, released) = await claims.CheckPendingAsync(cancellationToken);
        if (checkedCount + released > 0)
        {
            logger.LogInformation("Domain claims: {Checked} checked, {Verified} verified, {Released} released", checkedCount, verified, released);
        }
    }
}
