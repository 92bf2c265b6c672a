namespace Saas.Host.Accounts.Privacy;

/// <summary>
/// <c>account.json</c> of the export: what the core account holds about the resident. Secrets
/// (password hash, security stamp, authenticator key, recovery codes) are named but not handed
/// out: they are of no use to the holder and would help whoever intercepts the archive.
/// </summary>
internal sealed record AccountData(
    Guid Id,
    string Town,
    string Email,
    bool EmailConfirmed,
    string DisplayName,
    string? Phone,
    string? PreferredLanguage,
    string Role,
    bool TwoFactorEnabled,
    DateTime CreatedAt,
    DateTime? LastSignInAt,
    DateTime? DisabledAt,
    IReadOnlyList<string> StoredButNotExported)
{
    public static AccountData From(Account account, string town) => new(
        account.Id,
        town,
        account.Email,
        account.EmailConfirmed,
        account.DisplayName,
        account.Phone,
        account.PreferredCulture,
        account.Role,
        account.TwoFactorEnabled,
        Utc(account.CreatedAt),
        account.LastSignInAt is { } last ? Utc(last) : null,
        account.DisabledAt is { } disabled ? Utc(disabled) : null,
        [
            "password_hash (PBKDF2)",
            "security_stamp",
            .. account.AuthenticatorKey is null ? Array.Empty<string>() : ["authenticator_key (encrypted)"],
            .. account.RecoveryCodes is null ? Array.Empty<string>() : ["recovery_codes (hashed)"],
            "access_failed_count, lockout_end",
        ]);

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
