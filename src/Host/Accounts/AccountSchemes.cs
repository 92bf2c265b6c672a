namespace Saas.Host.Accounts;

/// <summary>
/// The cookie schemes. Each is host-only (<c>__Host-</c> prefix: Secure, Path=/, no Domain), so a
/// browser never sends one town's cookie to another host, and each ticket also names its town,
/// which is checked on every request in case a cookie is carried over by hand.
/// </summary>
internal static class AccountSchemes
{
    /// <summary>Residents on their town's domain: 30 minutes idle, 12 hours at most.</summary>
    public const string Town = "Town";

    /// <summary>Town staff in <c>/admin</c>: 15 minutes idle, only after the second factor.</summary>
    public const string Staff = "Staff";

    /// <summary>Between password and second factor (or enrolment) for staff: 10 minutes.</summary>
    public const string StaffTwoFactor = "StaffTwoFactor";

    /// <summary>Vendor support on the platform host.</summary>
    public const string Support = "Support";

    /// <summary>Between password and second factor for support.</summary>
    public const string SupportTwoFactor = "SupportTwoFactor";

    /// <summary>Picks <see cref="Town"/> on a town's host and <see cref="Support"/> on the platform host.</summary>
    public const string BySite = "BySite";

    public static class Cookies
    {
        public const string Town = "__Host-town";
        public const string Staff = "__Host-staff";
        public const string StaffTwoFactor = "__Host-staff-2fa";
        public const string Support = "__Host-support";
        public const string SupportTwoFactor = "__Host-support-2fa";
        public const string Antiforgery = "__Host-af";
    }
}

/// <summary>Claim types our tickets carry besides the standard name identifier, name, e-mail and role.</summary>
internal static class AccountClaims
{
    /// <summary>The town the session belongs to (absent for support on the platform host).</summary>
    public const string Tenant = "tenant";

    /// <summary>The account's security stamp when the session began.</summary>
    public const string Stamp = "stamp";

    /// <summary>When the holder proved who they are (Unix seconds); bounds the absolute session lifetime.</summary>
    public const string AuthTime = "auth_time";

    /// <summary><c>mfa</c> once the second factor was passed (RFC 8176 method reference).</summary>
    public const string Amr = "amr";

    /// <summary>Only on the two-factor ticket: <c>verify</c> or <c>enrol</c>.</summary>
    public const string Stage = "stage";

    /// <summary>Support access to a town: the grant, the engineer and until when.</summary>
    public const string SupportSession = "support_session";
    public const string SupportId = "support_id";
    public const string SupportName = "support_name";
    public const string SupportUntil = "support_until";

    public const string MultiFactor = "mfa";
}
