using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Saas.Host.Accounts;
using Saas.Kernel.Security;

namespace Saas.Host.Support.Access;

/// <summary>
/// Support access to a town ("log in as"): a grant with a reason, redeemed once on the town's host
/// for a TenantAdmin session marked as support, valid for 30 minutes at most and ended with one
/// click. <see cref="IsActiveAsync"/> is what the session validator asks on every request.
/// </summary>
internal sealed class SupportAccess(SupportGrantsDbContext db, TimeProvider clock) : ISupportAccessGrants
{
    public static readonly TimeSpan Duration = TimeSpan.FromMinutes(30);
    public const int MaxReasonLength = 500;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<SupportGrant> GrantAsync(Guid tenantId, Guid supportStaffId, string supportName, string reason, CancellationToken cancellationToken)
    {
        var grant = new SupportGrant
        {
            TenantId = tenantId,
            SupportStaffId = supportStaffId,
            SupportName = supportName,
            Reason = reason,
            CreatedAt = Now,
            ExpiresAt = Now + Duration,
        };
        db.Grants.Add(grant);
        await db.SaveChangesAsync(cancellationToken);
        return grant;
    }

    /// <summary>
    /// Marks the grant as used for <paramref name="tenantId"/>: exactly one of any number of requests
    /// racing with the same token wins (conditional update); null when it is for another town, used,
    /// ended or expired.
    /// </summary>
    public async Task<SupportGrant?> RedeemAsync(Guid grantId, Guid tenantId, CancellationToken cancellationToken)
    {
        var now = Now;
        var won = await db.Grants
            .Where(g => g.Id == grantId && g.TenantId == tenantId && g.RedeemedAt == null && g.EndedAt == null && g.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(g => g.RedeemedAt, now), cancellationToken);
        return won == 1 ? await db.Grants.AsNoTracking().SingleAsync(g => g.Id == grantId, cancellationToken) : null;
    }

    /// <summary>Ends the grant now; false when it had already ended.</summary>
    public async Task<bool> EndAsync(Guid grantId, Guid tenantId, CancellationToken cancellationToken)
    {
        var now = Now;
        return await db.Grants
            .Where(g => g.Id == grantId && g.TenantId == tenantId && g.EndedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(g => g.EndedAt, now), cancellationToken) == 1;
    }

    public async Task<bool> IsActiveAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(principal.FindFirstValue(AccountClaims.SupportSession), out var grantId)
            || !Guid.TryParse(principal.FindFirstValue(AccountClaims.Tenant), out var tenantId))
        {
            return false;
        }
        var now = Now;
        return await db.Grants.AsNoTracking()
            .AnyAsync(g => g.Id == grantId && g.TenantId == tenantId && g.RedeemedAt != null && g.EndedAt == null && g.ExpiresAt > now, cancellationToken);
    }

    /// <summary>The latest grants of a town, newest first, for the console.</summary>
    public async Task<IReadOnlyList<SupportGrant>> RecentAsync(Guid tenantId, int count, CancellationToken cancellationToken) =>
        await db.Grants.AsNoTracking().Where(g => g.TenantId == tenantId)
            .OrderByDescending(g => g.CreatedAt).Take(count).ToListAsync(cancellationToken);

    /// <summary>
    /// The ticket of a support-access session: a TenantAdmin of the town with the second factor
    /// passed (the engineer passed it on the console), marked with the grant, the engineer and the end.
    /// </summary>
    public static ClaimsPrincipal Principal(SupportGrant grant, DateTimeOffset now)
    {
        List<Claim> claims =
        [
            new(ClaimTypes.NameIdentifier, grant.SupportStaffId.ToString()),
            new(ClaimTypes.Name, grant.SupportName),
            new(ClaimTypes.Role, Roles.TenantAdmin),
            new(AccountClaims.Tenant, grant.TenantId.ToString()),
            new(AccountClaims.AuthTime, now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
            new(AccountClaims.Amr, AccountClaims.MultiFactor),
            new(AccountClaims.SupportSession, grant.Id.ToString()),
            new(AccountClaims.SupportId, grant.SupportStaffId.ToString()),
            new(AccountClaims.SupportName, grant.SupportName),
            new(AccountClaims.SupportUntil, new DateTimeOffset(DateTime.SpecifyKind(grant.ExpiresAt, DateTimeKind.Utc)).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
            new(SupportClaims.Reason, grant.Reason),
        ];
        return new ClaimsPrincipal(new ClaimsIdentity(claims, AccountSchemes.Staff, ClaimTypes.Name, ClaimTypes.Role));
    }
}

/// <summary>Claims of a support-access ticket besides those in <see cref="AccountClaims"/>.</summary>
internal static class SupportClaims
{
    /// <summary>Why the engineer is in the town, shown in the banner on every page.</summary>
    public const string Reason = "support_reason";
}
