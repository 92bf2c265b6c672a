using System.Security.Claims;

namespace Saas.Modules.Appointments.Booking;

/// <summary>
/// Who may see and change a booking without its id alone meaning anything: the holder of its manage
/// token, or the signed-in resident it belongs to (booked while signed in, or confirmed by mail to
/// the account's own address, which the account has proven too).
/// </summary>
internal static class BookingAccess
{
    public static bool MayManage(Data.Booking booking, string? token, ClaimsPrincipal user) =>
        ManageToken.Matches(token, booking.TokenHash) || Owns(booking, user);

    public static bool Owns(Data.Booking booking, ClaimsPrincipal user) =>
        SignedIn(user) is { } resident
        && (booking.AccountId == resident.AccountId
            || (!booking.IsPending && string.Equals(booking.Email, resident.Email, StringComparison.OrdinalIgnoreCase)));

    /// <summary>The signed-in resident of this town (the host's town cookie), or null.</summary>
    public static SignedInResident? SignedIn(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true
        && Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id)
        && user.FindFirstValue(ClaimTypes.Email) is { Length: > 0 } email
            ? new SignedInResident(id, email, user.FindFirstValue(ClaimTypes.Name) ?? "")
            : null;
}

internal sealed record SignedInResident(Guid AccountId, string Email, string Name);
