using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Saas.Kernel.Data;

namespace Saas.Host.Accounts;

/// <summary>
/// ASP.NET Core Identity's store over our own tables. Written by hand (rather than Identity's EF
/// stores) so accounts live in tenant-owned tables behind the three isolation walls, recovery codes
/// are kept as hashes, and the TOTP replay guard sits next to the secret.
/// </summary>
internal sealed class AccountStore<TUser, TContext>(TContext db, IdentityErrorDescriber errors) :
    IUserPasswordStore<TUser>,
    IUserEmailStore<TUser>,
    IUserSecurityStampStore<TUser>,
    IUserLockoutStore<TUser>,
    IUserTwoFactorStore<TUser>,
    IUserAuthenticatorKeyStore<TUser>,
    IUserTwoFactorRecoveryCodeStore<TUser>
    where TUser : UserAccount
    where TContext : DbContext
{
    private DbSet<TUser> Users => db.Set<TUser>();

    public async Task<IdentityResult> CreateAsync(TUser user, CancellationToken cancellationToken)
    {
        Users.Add(user);
        return await SaveAsync(cancellationToken);
    }

    public async Task<IdentityResult> UpdateAsync(TUser user, CancellationToken cancellationToken)
    {
        if (db.Entry(user).State == EntityState.Detached)
        {
            Users.Update(user);
        }
        return await SaveAsync(cancellationToken);
    }

    public async Task<IdentityResult> DeleteAsync(TUser user, CancellationToken cancellationToken)
    {
        Users.Remove(user);
        return await SaveAsync(cancellationToken);
    }

    private async Task<IdentityResult> SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return IdentityResult.Success;
        }
        catch (DbUpdateConcurrencyException)
        {
            // Two changes raced (e.g. a password change and a sign-out); the caller shows a retry message.
            return IdentityResult.Failed(errors.ConcurrencyFailure());
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            // The unique index on (tenant_id, normalized_email) won a race against a double submit.
            db.ChangeTracker.Clear();
            return IdentityResult.Failed(errors.DuplicateEmail(""));
        }
    }

    public async Task<TUser?> FindByIdAsync(string userId, CancellationToken cancellationToken) =>
        Guid.TryParse(userId, out var id) ? await Users.FirstOrDefaultAsync(u => u.Id == id, cancellationToken) : null;

    public Task<TUser?> FindByNameAsync(string normalizedUserName, CancellationToken cancellationToken) =>
        FindByEmailAsync(normalizedUserName, cancellationToken);

    public Task<TUser?> FindByEmailAsync(string normalizedEmail, CancellationToken cancellationToken) =>
        Users.FirstOrDefaultAsync(u => u.NormalizedEmail == normalizedEmail, cancellationToken);

    // The user name is the e-mail address.
    public Task<string> GetUserIdAsync(TUser user, CancellationToken cancellationToken) => Task.FromResult(user.Id.ToString());
    public Task<string?> GetUserNameAsync(TUser user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.Email);
    public Task SetUserNameAsync(TUser user, string? userName, CancellationToken cancellationToken) => Done(() => user.Email = userName ?? "");
    public Task<string?> GetNormalizedUserNameAsync(TUser user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.NormalizedEmail);
    public Task SetNormalizedUserNameAsync(TUser user, string? normalizedName, CancellationToken cancellationToken) => Done(() => user.NormalizedEmail = normalizedName ?? "");

    public Task SetEmailAsync(TUser user, string? email, CancellationToken cancellationToken) => Done(() => user.Email = email ?? "");
    public Task<string?> GetEmailAsync(TUser user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.Email);
    public Task<bool> GetEmailConfirmedAsync(TUser user, CancellationToken cancellationToken) => Task.FromResult(user.EmailConfirmed);
    public Task SetEmailConfirmedAsync(TUser user, bool confirmed, CancellationToken cancellationToken) => Done(() => user.EmailConfirmed = confirmed);
    public Task<string?> GetNormalizedEmailAsync(TUser user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.NormalizedEmail);
    public Task SetNormalizedEmailAsync(TUser user, string? normalizedEmail, CancellationToken cancellationToken) => Done(() => user.NormalizedEmail = normalizedEmail ?? "");

    public Task SetPasswordHashAsync(TUser user, string? passwordHash, CancellationToken cancellationToken) => Done(() => user.PasswordHash = passwordHash);
    public Task<string?> GetPasswordHashAsync(TUser user, CancellationToken cancellationToken) => Task.FromResult(user.PasswordHash);
    public Task<bool> HasPasswordAsync(TUser user, CancellationToken cancellationToken) => Task.FromResult(user.PasswordHash is not null);

    public Task SetSecurityStampAsync(TUser user, string stamp, CancellationToken cancellationToken) => Done(() => user.SecurityStamp = stamp);
    public Task<string?> GetSecurityStampAsync(TUser user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.SecurityStamp);

    public Task<DateTimeOffset?> GetLockoutEndDateAsync(TUser user, CancellationToken cancellationToken) =>
        Task.FromResult(user.LockoutEnd is { } end ? new DateTimeOffset(DateTime.SpecifyKind(end, DateTimeKind.Utc)) : (DateTimeOffset?)null);
    public Task SetLockoutEndDateAsync(TUser user, DateTimeOffset? lockoutEnd, CancellationToken cancellationToken) => Done(() => user.LockoutEnd = lockoutEnd?.UtcDateTime);
    public Task<int> IncrementAccessFailedCountAsync(TUser user, CancellationToken cancellationToken) => Task.FromResult(++user.AccessFailedCount);
    public Task ResetAccessFailedCountAsync(TUser user, CancellationToken cancellationToken) => Done(() => user.AccessFailedCount = 0);
    public Task<int> GetAccessFailedCountAsync(TUser user, CancellationToken cancellationToken) => Task.FromResult(user.AccessFailedCount);
    public Task<bool> GetLockoutEnabledAsync(TUser user, CancellationToken cancellationToken) => Task.FromResult(true);
    public Task SetLockoutEnabledAsync(TUser user, bool enabled, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task SetTwoFactorEnabledAsync(TUser user, bool enabled, CancellationToken cancellationToken) => Done(() => user.TwoFactorEnabled = enabled);
    public Task<bool> GetTwoFactorEnabledAsync(TUser user, CancellationToken cancellationToken) => Task.FromResult(user.TwoFactorEnabled);

    public Task SetAuthenticatorKeyAsync(TUser user, string key, CancellationToken cancellationToken) => Done(() => user.AuthenticatorKey = key);
    public Task<string?> GetAuthenticatorKeyAsync(TUser user, CancellationToken cancellationToken) => Task.FromResult(user.AuthenticatorKey);

    public Task ReplaceCodesAsync(TUser user, IEnumerable<string> recoveryCodes, CancellationToken cancellationToken) =>
        Done(() => user.RecoveryCodes = string.Join(';', recoveryCodes.Select(Hash)));

    public Task<bool> RedeemCodeAsync(TUser user, string code, CancellationToken cancellationToken)
    {
        var codes = (user.RecoveryCodes ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries).ToList();
        var hashed = Hash(code.Trim());
        var index = codes.FindIndex(c => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(c), Encoding.ASCII.GetBytes(hashed)));
        if (index < 0)
        {
            return Task.FromResult(false);
        }
        codes.RemoveAt(index);
        user.RecoveryCodes = string.Join(';', codes);
        return Task.FromResult(true);
    }

    public Task<int> CountCodesAsync(TUser user, CancellationToken cancellationToken) =>
        Task.FromResult((user.RecoveryCodes ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries).Length);

    // Recovery codes are long random strings, so a fast hash is enough; they are never stored in clear.
    private static string Hash(string code) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(code.Trim().ToUpperInvariant())));

    private static Task Done(Action change)
    {
        change();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        // The DbContext belongs to the request scope.
    }
}
