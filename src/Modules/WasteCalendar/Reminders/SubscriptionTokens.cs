using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace Saas.Modules.WasteCalendar.Reminders;

/// <summary>
/// The two secrets of a subscription. The confirmation link carries a random token of which only the
/// SHA-256 hash is stored (a database reader cannot confirm anyone). The unsubscribe link must be in
/// every reminder, long after the subscription was made, so it cannot be a stored-once secret: it is
/// the town and subscription id protected with Data Protection (keys shared by every node), and it
/// names its town, so a link of town A is refused on town B's host.
/// </summary>
internal sealed class SubscriptionTokens(IDataProtectionProvider protection)
{
    private readonly IDataProtector _protector = protection.CreateProtector("Saas.Waste.Unsubscribe.v1");

    public static string NewConfirmToken() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Constant-time comparison, so the answer's timing tells nothing about a guessed token.</summary>
    public static bool Matches(string? token, string? storedHash) =>
        !string.IsNullOrEmpty(token) && token.Length <= 100 && storedHash is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(token)), Encoding.ASCII.GetBytes(storedHash));

    public string Unsubscribe(Guid town, Guid subscription)
    {
        var payload = new byte[32];
        town.TryWriteBytes(payload.AsSpan(0, 16));
        subscription.TryWriteBytes(payload.AsSpan(16, 16));
        return WebEncoders.Base64UrlEncode(_protector.Protect(payload));
    }

    /// <summary>The subscription an unsubscribe token names, when it is genuine and belongs to <paramref name="town"/>.</summary>
    public Guid? ReadUnsubscribe(Guid town, string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 400)
        {
            return null;
        }
        try
        {
            var payload = _protector.Unprotect(WebEncoders.Base64UrlDecode(token));
            return payload.Length == 32 && new Guid(payload.AsSpan(0, 16)) == town ? new Guid(payload.AsSpan(16, 16)) : null;
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException)
        {
            return null;
        }
    }
}
