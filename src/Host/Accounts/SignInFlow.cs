using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Saas.Kernel.Security;
using Saas.Kernel.Tenancy;

namespace Saas.Host.Accounts;

/// <summary>Where someone signs in, and what that area demands.</summary>
internal sealed record SignInArea(string Scheme, string? PendingScheme, bool IsTown, Func<string, bool> RoleAllowed)
{
    /// <summary>Resident pages: password only; staff may sign in as residents too (it gives them nothing more).</summary>
    public static readonly SignInArea Residents = new(AccountSchemes.Town, null, true, _ => true);

    /// <summary><c>/admin</c>: staff roles only, always with the second factor.</summary>
    public static readonly SignInArea TownStaff = new(AccountSchemes.Staff, AccountSchemes.StaffTwoFactor, true, Roles.IsStaff);

    /// <summary><c>/support</c> on the platform host: support roles, always with the second factor.</summary>
    public static readonly SignInArea Support = new(AccountSchemes.Support, AccountSchemes.SupportTwoFactor, false, r => r is Roles.Support or Roles.SupportAdmin);
}

internal enum SignInResult
{
    SignedIn,
    NeedsSecondFactor,
    NeedsEnrolment,
    Failed,
    LockedOut,
    Throttled,
    NotConfirmed,
}

/// <summary>The outcome of a sign-in step; <see cref="RetryAfter"/> is set when throttled.</summary>
internal sealed record SignInOutcome(SignInResult Result, TimeSpan? RetryAfter = null);

/// <summary>
/// Password and second-factor sign-in for one kind of account, with lockout (ten failures lock for
/// fifteen minutes), the per-account throttle, and timing that does not reveal whether an e-mail
/// address has an account. Failures never say which part was wrong.
/// </summary>
internal sealed class SignInFlow<TUser>(
    UserManager<TUser> users,
    IPasswordHasher<TUser> hasher,
    LoginThrottle throttle,
    ITenantContext tenant,
    TimeProvider clock,
    IHttpContextAccessor http)
    where TUser : UserAccount
{
    // A real hash of a random password, verified when the e-mail is unknown so both paths cost the same.
    private static string? s_dummyHash;

    private Guid? TenantId(SignInArea area) => area.IsTown ? tenant.TenantId ?? throw new InvalidOperationException("Town sign-in outside a town.") : null;

    private HttpContext Http => http.HttpContext ?? throw new InvalidOperationException("Sign-in outside a request.");

    public async Task<SignInOutcome> PasswordAsync(SignInArea area, string email, string password)
    {
        var tenantId = TenantId(area);
        var normalized = users.NormalizeEmail(email.Trim()) ?? "";
        if (throttle.Blocked(tenantId, normalized) is { } wait)
        {
            return new(SignInResult.Throttled, wait);
        }
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            s_dummyHash ??= hasher.HashPassword(null!, Guid.NewGuid().ToString());
            hasher.VerifyHashedPassword(null!, s_dummyHash, password);
            return Fail(tenantId, normalized);
        }
        if (await users.IsLockedOutAsync(user))
        {
            throttle.RecordFailure(tenantId, normalized);
            return new(SignInResult.LockedOut);
        }
        if (!await users.CheckPasswordAsync(user, password))
        {
            await users.AccessFailedAsync(user);
            throttle.RecordFailure(tenantId, normalized);
            return new(await users.IsLockedOutAsync(user) ? SignInResult.LockedOut : SignInResult.Failed);
        }
        if (user.IsDisabled || !area.RoleAllowed(user.Role))
        {
            return Fail(tenantId, normalized);
        }
        if (!user.EmailConfirmed)
        {
            return new(SignInResult.NotConfirmed);
        }
        await users.ResetAccessFailedCountAsync(user);

        if (area.PendingScheme is { } pending)
        {
            var stage = user.TwoFactorEnabled ? SecondFactorStage.Verify : SecondFactorStage.Enrol;
            await Http.SignInAsync(pending, SessionPrincipal.PendingSecondFactor(user, tenantId, pending, stage, clock.GetUtcNow()));
            return new(user.TwoFactorEnabled ? SignInResult.NeedsSecondFactor : SignInResult.NeedsEnrolment);
        }
        await CompleteAsync(area, user, multiFactor: false);
        return new(SignInResult.SignedIn);
    }

    /// <summary>The account waiting for its second factor (from the pending ticket), or null when there is none or it expired.</summary>
    public async Task<(TUser User, string Stage)?> PendingAsync(SignInArea area)
    {
        if (area.PendingScheme is null)
        {
            return null;
        }
        var result = await Http.AuthenticateAsync(area.PendingScheme);
        if (!result.Succeeded || result.Principal.AccountId() is not { } id || await users.FindByIdAsync(id.ToString()) is not { } user)
        {
            return null;
        }
        return (user, result.Principal.FindFirstValue(AccountClaims.Stage) ?? SecondFactorStage.Verify);
    }

    /// <summary>Checks an authenticator code (once only) or a recovery code and completes the sign-in.</summary>
    public async Task<SignInOutcome> SecondFactorAsync(SignInArea area, string code, bool isRecoveryCode, string totpProvider)
    {
        if (await PendingAsync(area) is not ({ } user, SecondFactorStage.Verify))
        {
            return new(SignInResult.Failed);
        }
        var tenantId = TenantId(area);
        if (throttle.Blocked(tenantId, user.NormalizedEmail) is { } wait)
        {
            return new(SignInResult.Throttled, wait);
        }
        if (await users.IsLockedOutAsync(user))
        {
            return new(SignInResult.LockedOut);
        }
        var ok = isRecoveryCode
            ? (await users.RedeemTwoFactorRecoveryCodeAsync(user, code)).Succeeded
            : await users.VerifyTwoFactorTokenAsync(user, totpProvider, code);
        if (!ok)
        {
            await users.AccessFailedAsync(user);
            throttle.RecordFailure(tenantId, user.NormalizedEmail);
            return new(await users.IsLockedOutAsync(user) ? SignInResult.LockedOut : SignInResult.Failed);
        }
        await users.ResetAccessFailedCountAsync(user);
        await Http.SignOutAsync(area.PendingScheme!);
        await CompleteAsync(area, user, multiFactor: true);
        return new(SignInResult.SignedIn);
    }

    /// <summary>Enrolment, step 1: a new secret for the pending account (shown as QR code); replaces an unconfirmed one.</summary>
    public async Task<string?> BeginEnrolmentAsync(SignInArea area, TotpSecrets secrets)
    {
        if (await PendingAsync(area) is not ({ } user, SecondFactorStage.Enrol))
        {
            return null;
        }
        if (user.AuthenticatorKey is { } existing && !user.TwoFactorEnabled)
        {
            // Reloading the page must not invalidate the QR code the person is scanning.
            return secrets.Reveal(existing);
        }
        var (plain, protectedSecret) = secrets.Create();
        user.AuthenticatorKey = protectedSecret;
        await users.UpdateAsync(user);
        return plain;
    }

    /// <summary>Enrolment, step 2: the first code from the app proves the scan worked; returns the recovery codes to show once.</summary>
    public async Task<IReadOnlyList<string>?> CompleteEnrolmentAsync(SignInArea area, string code, string totpProvider)
    {
        if (await PendingAsync(area) is not ({ } user, SecondFactorStage.Enrol) || user.AuthenticatorKey is null)
        {
            return null;
        }
        if (!await users.VerifyTwoFactorTokenAsync(user, totpProvider, code))
        {
            return null;
        }
        user.TwoFactorEnabled = true;
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList() ?? [];
        await Http.SignOutAsync(area.PendingScheme!);
        await CompleteAsync(area, user, multiFactor: true);
        return codes;
    }

    /// <summary>Ends this session and every other session of the account (new security stamp).</summary>
    public async Task SignOutEverywhereAsync(SignInArea area)
    {
        if (Http.User.AccountId() is { } id && !Http.User.HasClaim(c => c.Type == AccountClaims.SupportSession)
            && await users.FindByIdAsync(id.ToString()) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
        }
        await Http.SignOutAsync(area.Scheme);
    }

    private async Task CompleteAsync(SignInArea area, TUser user, bool multiFactor)
    {
        user.LastSignInAt = clock.GetUtcNow().UtcDateTime;
        await users.UpdateAsync(user);
        // UpdateAsync may have refreshed the stamp (password rehash); the ticket takes the stored one.
        var principal = SessionPrincipal.For(user, TenantId(area), area.Scheme, clock.GetUtcNow(), multiFactor);
        await Http.SignInAsync(area.Scheme, principal, new AuthenticationProperties { IsPersistent = false });
    }

    private SignInOutcome Fail(Guid? tenantId, string normalized)
    {
        throttle.RecordFailure(tenantId, normalized);
        return new(SignInResult.Failed);
    }
}

internal static class SecondFactorStage
{
    public const string Verify = "verify";
    public const string Enrol = "enrol";
}
