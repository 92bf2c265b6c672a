using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Saas.Host.Accounts;

/// <summary>
/// Identity's two-factor provider for authenticator apps, with what Identity's own lacks: a code
/// is accepted once only. The last accepted step is moved forward with a conditional UPDATE, so of
/// two requests racing with the same code exactly one wins. The secret is encrypted at rest.
/// </summary>
internal sealed class TotpTokenProvider<TUser, TContext>(TContext db, IDataProtectionProvider protection, TimeProvider clock)
    : IUserTwoFactorTokenProvider<TUser>
    where TUser : UserAccount
    where TContext : DbContext
{
    private readonly IDataProtector _protector = protection.CreateProtector(TotpSecrets.Purpose);

    public Task<string> GenerateAsync(string purpose, UserManager<TUser> manager, TUser user) =>
        throw new NotSupportedException("Authenticator codes come from the holder's app.");

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<TUser> manager, TUser user)
    {
        if (user.AuthenticatorKey is null)
        {
            return false;
        }
        var secret = Base32.Decode(_protector.Unprotect(user.AuthenticatorKey));
        if (Totp.MatchingStep(secret, token, clock.GetUtcNow()) is not { } step || step <= user.LastTotpStep)
        {
            return false;
        }
        var won = await db.Set<TUser>()
            .Where(u => u.Id == user.Id && u.LastTotpStep < step)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LastTotpStep, step));
        if (won == 1)
        {
            user.LastTotpStep = step;
            db.Entry(user).Property(u => u.LastTotpStep).IsModified = false;
        }
        return won == 1;
    }

    public Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<TUser> manager, TUser user) =>
        Task.FromResult(user.AuthenticatorKey is not null);
}

/// <summary>Creates and protects authenticator secrets for enrolment.</summary>
internal sealed class TotpSecrets(IDataProtectionProvider protection)
{
    public const string Purpose = "Saas.Accounts.Totp.v1";

    /// <summary>The provider names, one per account type (Identity's provider map is shared by all user types).</summary>
    public const string TownProvider = "TownTotp";
    public const string SupportProvider = "SupportTotp";

    private readonly IDataProtector _protector = protection.CreateProtector(Purpose);

    /// <summary>A fresh secret: <c>Plain</c> for the QR code and manual entry, <c>Protected</c> to store.</summary>
    public (string Plain, string Protected) Create()
    {
        var plain = Totp.NewSecret();
        return (plain, _protector.Protect(plain));
    }

    public string Reveal(string protectedSecret) => _protector.Unprotect(protectedSecret);
}
