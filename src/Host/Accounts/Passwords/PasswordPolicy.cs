namespace Saas.Host.Accounts.Passwords;

/// <summary>
/// Password rules after NIST SP 800-63B: long enough, long passphrases welcome, no composition
/// rules (they push people to "Passwort1!"), and nothing from the lists attackers try first.
/// </summary>
internal static class PasswordPolicy
{
    public const int MinLength = 8;

    /// <summary>Well above the 64 characters residents must be allowed; the cap keeps hashing cheap against abuse.</summary>
    public const int MaxLength = 128;
}
