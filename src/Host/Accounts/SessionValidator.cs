using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Saas.Kernel.Tenancy;

namespace Saas.Host.Accounts;

/// <summary>
/// Runs on every request that carries a session cookie and ends the session unless it is still
/// good: it belongs to this town (or to the platform host for support), it is younger than its
/// absolute lifetime, and the account still exists, is enabled, has the same role and the same
/// security stamp. Signing out, a password change or disabling an account changes the stamp or the
/// state, so every other session of that account ends on its next request, on every node.
/// </summary>
internal sealed class SessionValidator(ITenantContext tenant, TimeProvider clock)
{
    public async Task ValidateAsync(CookieValidatePrincipalContext context, SessionKind kind)
    {
        if (context.Principal is not { } principal || !await IsValidAsync(principal, kind, context.HttpContext.RequestServices, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(context.Scheme.Name);
        }
    }

    private async Task<bool> IsValidAsync(ClaimsPrincipal principal, SessionKind kind, IServiceProvider services, CancellationToken cancellationToken)
    {
        var ticketTenant = principal.FindFirstValue(AccountClaims.Tenant);
        var onTown = tenant.TenantId is { } current && ticketTenant == current.ToString();
        var onPlatform = tenant.TenantId is null && ticketTenant is null;
        if (kind.IsTown ? !onTown : !onPlatform)
        {
            return false;
        }
        if (principal.AuthTime() is not { } authTime || clock.GetUtcNow() - authTime > kind.AbsoluteLifetime)
        {
            return false;
        }
        if (principal.HasClaim(c => c.Type == AccountClaims.SupportSession))
        {
            // Support access to a town: valid only while its grant is (checked by the support console).
            var grants = services.GetService<ISupportAccessGrants>();
            return kind.IsTown && grants is not null && await grants.IsActiveAsync(principal, cancellationToken);
        }
        if (principal.AccountId() is not { } id)
        {
            return false;
        }
        var state = kind.IsTown
            ? await services.GetRequiredService<AccountsDbContext>().Accounts.AsNoTracking()
                .Where(a => a.Id == id).Select(a => new AccountState(a.SecurityStamp, a.Role, a.DisabledAt)).FirstOrDefaultAsync(cancellationToken)
            : await services.GetRequiredService<PlatformStaffDbContext>().Staff.AsNoTracking()
                .Where(a => a.Id == id).Select(a => new AccountState(a.SecurityStamp, a.Role, a.DisabledAt)).FirstOrDefaultAsync(cancellationToken);
        return state is not null
            && state.DisabledAt is null
            && state.Stamp == principal.FindFirstValue(AccountClaims.Stamp)
            && (kind.IsPending || state.Role == principal.FindFirstValue(ClaimTypes.Role));
    }

    private sealed record AccountState(string Stamp, string Role, DateTime? DisabledAt);
}

/// <summary>Which session a cookie carries and how long it may live at most.</summary>
internal sealed record SessionKind(bool IsTown, bool IsPending, TimeSpan IdleTimeout, TimeSpan AbsoluteLifetime)
{
    public static readonly SessionKind Resident = new(true, false, TimeSpan.FromMinutes(30), TimeSpan.FromHours(12));
    public static readonly SessionKind Staff = new(true, false, TimeSpan.FromMinutes(15), TimeSpan.FromHours(12));
    public static readonly SessionKind StaffPending = new(true, true, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(10));
    public static readonly SessionKind Support = new(false, false, TimeSpan.FromMinutes(15), TimeSpan.FromHours(12));
    public static readonly SessionKind SupportPending = new(false, true, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(10));
}

/// <summary>
/// Implemented by the support console: whether a support-access session in a town is still
/// covered by its grant (not ended, not older than 30 minutes).
/// </summary>
internal interface ISupportAccessGrants
{
    Task<bool> IsActiveAsync(ClaimsPrincipal principal, CancellationToken cancellationToken);
}
