namespace Saas.Host.Accounts;

/// <summary>
/// The antiforgery cookie: always <c>Secure</c> (its <c>__Host-</c> name demands it), without
/// antiforgery's refusal to work on a plain-http request. Browsers treat <c>localhost</c> and
/// <c>*.localhost</c> as secure and keep Secure cookies there, so <c>dotnet run</c> over
/// http works; production is https behind the proxy anyway. With
/// <see cref="CookieSecurePolicy.Always"/> antiforgery would throw on every form served over http.
/// </summary>
internal sealed class AlwaysSecureCookieBuilder : CookieBuilder
{
    public AlwaysSecureCookieBuilder() => SecurePolicy = CookieSecurePolicy.SameAsRequest;

    public override CookieOptions Build(HttpContext context, DateTimeOffset expiresFrom)
    {
        var options = base.Build(context, expiresFrom);
        options.Secure = true;
        return options;
    }
}
