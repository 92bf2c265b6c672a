using System.Security.Cryptography;
using System.Text;

namespace Saas.Modules.Appointments.Booking;

/// <summary>The secret that lets a resident without an account cancel; only its hash is stored.</summary>
internal static class ManageToken
{
    public static string Create() => Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Constant-time comparison, so response timing tells nothing about a guessed token.</summary>
    public static bool Matches(string? token, string storedHash) =>
        !string.IsNullOrEmpty(token) && token.Length <= 100
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(token)), Encoding.ASCII.GetBytes(storedHash));

    private static string Base64UrlEncode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
