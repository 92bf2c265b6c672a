using System.Security.Cryptography;
using System.Text;

namespace Saas.Modules.Appointments.Booking;

/// <summary>
/// What the booking transaction checks besides the cells: a repeated submission (form token or
/// API Idempotency-Key, stored hashed) and the location's cap on active bookings per address.
/// </summary>
internal sealed record BookingGuards(string? SubmissionKeyHash, int? Cap)
{
    public const int MaxKeyLength = 200;

    /// <summary>The stored key of a submission; the kind keeps a form token and an API key from ever meeting.</summary>
    public static string? SubmissionKey(string kind, string? key) =>
        string.IsNullOrWhiteSpace(key) || key.Length > MaxKeyLength ? null : Sha256($"{kind}:{key}");

    /// <summary>The guard row's key: the lower-cased address, hashed, so the guard table holds no address.</summary>
    public static string AddressHash(string email) => Sha256(email.Trim().ToLowerInvariant());

    private static string Sha256(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
