using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Saas.Kernel.Tenancy;

namespace Saas.Host.Accounts.Residents;

/// <summary>The signed-in resident of this request, and renewing their ticket after a change.</summary>
internal sealed class ResidentSession(UserManager<Account> users, ITenantContext tenant, TimeProvider clock, IHttpContextAccessor http)
{
    private HttpContext Http => http.HttpContext ?? throw new InvalidOperationException("No request.");

    /// <summary>
    /// Support staff working in the town through support access may look, but not act as the
    /// resident on their credentials or data (password, e-mail, deletion).
    /// </summary>
    public bool IsSupportAccess => Http.User.HasClaim(c => c.Type == AccountClaims.SupportSession);

    public async Task<Account?> AccountAsync() =>
        Http.User.Identity?.IsAuthenticated == true && Http.User.AccountId() is { } id
            ? await users.FindByIdAsync(id.ToString())
            : null;

    /// <summary>
    /// Issues a new ticket for this browser with the account's current stamp and name: after a
    /// password change (every other session ended, this one goes on) or a new display name.
    /// </summary>
    /// <param name="reauthenticated">The holder just proved their password: the absolute lifetime starts again.</param>
    public Task RenewAsync(Account account, bool reauthenticated)
    {
        var authTime = reauthenticated ? clock.GetUtcNow() : Http.User.AuthTime() ?? clock.GetUtcNow();
        var principal = SessionPrincipal.For(account, tenant.TenantId, AccountSchemes.Town, authTime, multiFactor: false);
        return Http.SignInAsync(AccountSchemes.Town, principal, new AuthenticationProperties { IsPersistent = false });
    }
}
