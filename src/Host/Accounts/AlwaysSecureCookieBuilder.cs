namespace Saas.Host.Accounts;

/// <summary>
/// The antiforgery cookie, marked Secure on every request. Antiforgery throws on plain-HTTP requests
/// when its policy is <see cref="CookieSecurePolicy.Always"/>, which breaks every form of the
/// embedded default (<c>http://*.localhost</c>, a secure context to browsers, where Secure
/// <c>__Host-</c> cookies work). So the policy says SameAsRequest and this builder sets Secure anyway.
/// </summary>
internal sealed class AlwaysSecureCookieBuilder : CookieBuilder
{
    public override CookieOptions Build(HttpContext context, DateTimeOffset expiresFrom)
    {
        var options = base.Build(context, expiresFrom);
        options.Secure = true;
        return options;
    }
}
