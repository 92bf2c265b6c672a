using Microsoft.AspNetCore.Identity;
using Saas.Kernel.Localization;

namespace Saas.Host.Accounts.Passwords;

/// <summary>
/// Refuses passwords longer than <see cref="PasswordPolicy.MaxLength"/> and those on the breached
/// list. The minimum length is Identity's own rule (<c>IdentityOptions.Password.RequiredLength</c>).
/// </summary>
internal sealed class BreachedPasswordValidator<TUser>(Texts texts) : IPasswordValidator<TUser>
    where TUser : class
{
    private readonly LocalizedIdentityErrorDescriber _errors = new(texts);

    public Task<IdentityResult> ValidateAsync(UserManager<TUser> manager, TUser user, string? password)
    {
        ArgumentNullException.ThrowIfNull(password);
        if (password.Length > PasswordPolicy.MaxLength)
        {
            return Task.FromResult(IdentityResult.Failed(_errors.PasswordTooLong(PasswordPolicy.MaxLength)));
        }
        if (BreachedPasswords.Contains(password))
        {
            return Task.FromResult(IdentityResult.Failed(_errors.PasswordBreached()));
        }
        return Task.FromResult(IdentityResult.Success);
    }
}
