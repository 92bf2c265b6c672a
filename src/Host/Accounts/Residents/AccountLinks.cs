using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Saas.Kernel.Tenancy;

namespace Saas.Host.Accounts.Residents;

/// <summary>
/// The absolute links account mails carry: always on the town's primary host (the one the mail
/// is about), with Identity's tokens made URL-safe.
/// </summary>
internal sealed class AccountLinks(IHttpContextAccessor http, ITenantContext tenant)
{
    public Uri Confirm(Guid accountId, string token) => Build("/konto/bestaetigen", $"konto={accountId}&code={Encode(token)}");

    public Uri Reset(Guid accountId, string token) => Build("/konto/passwort-zuruecksetzen", $"konto={accountId}&code={Encode(token)}");

    public Uri ChangeEmail(Guid accountId, string newEmail, string token) =>
        Build("/konto/email-bestaetigen", $"konto={accountId}&adresse={Uri.EscapeDataString(newEmail)}&code={Encode(token)}");

    public Uri ForgotPassword() => Build("/konto/passwort-vergessen", null);

    public Uri SignIn() => Build("/konto/anmelden", null);

    /// <summary>Identity's tokens are Base64 (with '+', '/', '='); links carry them Base64url-encoded.</summary>
    public static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    /// <summary>The token from a link, or null when the code was mangled (cut off by a mail client, typed by hand).</summary>
    public static string? Decode(string? code)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length > 2000)
        {
            return null;
        }
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code.Trim()));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private Uri Build(string path, string? query)
    {
        var request = http.HttpContext?.Request ?? throw new InvalidOperationException("Account links are made inside a request.");
        var town = tenant.Current ?? throw new InvalidOperationException("Account links belong to a town.");
        var port = request.Host.Port is { } p ? $":{p}" : "";
        return new Uri($"{request.Scheme}://{town.PrimaryHost}{port}{path}{(query is null ? "" : "?" + query)}");
    }
}
