using Microsoft.AspNetCore.Identity;
using Saas.Kernel.Localization;

namespace Saas.Host.Accounts.Passwords;

/// <summary>
/// Identity's messages in the resident's language (the request's UI culture), for the errors a
/// resident can run into. Codes stay Identity's, so code can still tell the errors apart.
/// </summary>
internal sealed class LocalizedIdentityErrorDescriber(Texts texts) : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError), "identity.error.default");

    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), "identity.error.concurrency");

    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), "identity.error.passwordMismatch");

    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), "identity.error.invalidToken");

    public override IdentityError RecoveryCodeRedemptionFailed() => Error(nameof(RecoveryCodeRedemptionFailed), "identity.error.recoveryCode");

    public override IdentityError LoginAlreadyAssociated() => Error(nameof(LoginAlreadyAssociated), "identity.error.loginAlreadyAssociated");

    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), "identity.error.invalidUserName", userName);

    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), "identity.error.invalidEmail", email);

    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), "identity.error.duplicateUserName", userName);

    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), "identity.error.duplicateEmail", email);

    public override IdentityError UserAlreadyHasPassword() => Error(nameof(UserAlreadyHasPassword), "identity.error.userAlreadyHasPassword");

    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), "identity.error.passwordTooShort", length);

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), "identity.error.passwordUniqueChars", uniqueChars);

    // Composition rules are off (PasswordRules); should one be switched on, it still speaks German.
    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric), "identity.error.passwordNonAlphanumeric");

    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), "identity.error.passwordDigit");

    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), "identity.error.passwordLower");

    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), "identity.error.passwordUpper");

    public IdentityError PasswordTooLong(int length) => Error("PasswordTooLong", "identity.error.passwordTooLong", length);

    public IdentityError PasswordBreached() => Error("PasswordBreached", "identity.error.passwordBreached");

    private IdentityError Error(string code, string key, params object?[] args) =>
        new() { Code = code, Description = args.Length == 0 ? texts[key] : texts.Format(key, args) };
}
