using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Saas.Host.Support.Access;

/// <summary>
/// The short-lived link that carries a support engineer from the console (platform host) to a town's
/// host, where no support cookie is valid: it names the grant and the town, is protected with Data
/// Protection (so it cannot be forged or altered), and is good for two minutes. That it is used
/// once only is enforced by the grant (<see cref="SupportAccess.RedeemAsync"/>), not by the token.
/// </summary>
internal sealed class SupportAccessToken(IDataProtectionProvider protection, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);

    private readonly IDataProtector _protector = protection.CreateProtector("Saas.Support.AccessToken.v1");

    public string Create(Guid grantId, Guid tenantId) =>
        _protector.Protect(string.Join('|', grantId.ToString("N"), tenantId.ToString("N"),
            clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));

    /// <summary>The grant and town the token names, or null when it is forged, altered or older than two minutes.</summary>
    public (Guid GrantId, Guid TenantId)? Read(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 1000)
        {
            return null;
        }
        string plain;
        try
        {
            plain = _protector.Unprotect(token);
        }
        catch (CryptographicException)
        {
            return null;
        }
        var parts = plain.Split('|');
        if (parts.Length != 3 || !Guid.TryParseExact(parts[0], "N", out var grant) || !Guid.TryParseExact(parts[1], "N", out var tenant)
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var issued))
        {
            return null;
        }
        var age = clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(issued);
        return age < TimeSpan.Zero || age > Lifetime ? null : (grant, tenant);
    }
}
