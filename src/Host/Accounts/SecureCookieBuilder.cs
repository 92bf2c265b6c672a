namespace Saas.Host.Accounts;

/// <summary>
/// The antiforgery cookie: always <c>Secure</c> (its name has the <c>__Host-</c> prefix), also when
/// the app is reached over plain http on <c>*.localhost</c>, which browsers treat as a secure context
/// (the README's <c>dotnet run</c>). <c>SecurePolicy = Always</c> would do the same for the cookie but
/// makes the antiforgery system refuse every non-https request outright.
/// </summary>
internal sealed class SecureCookieBuilder : CookieBuilder
{
    public SecureCookieBuilder()
    {
        SecurePolicy = CookieSecurePolicy.SameAsRequest;
    }

    public override CookieOptions Build(HttpContext context, DateTimeOffset expiresFrom)
    {
        var options = base.Build(context, expiresFrom);
        options.Secure = true;
        return options;
    }
}
