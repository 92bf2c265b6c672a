using System.Security.Claims;

namespace Saas.Modules.Coworking.Booking;

/// <summary>The signed-in resident of this town (the host's town cookie), or null: bookings always belong to an account.</summary>
internal static class SignedIn
{
    public static Resident? Of(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true
        && Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id)
        && user.FindFirstValue(ClaimTypes.Email) is { Length: > 0 } email
            ? new Resident(id, email, user.FindFirstValue(ClaimTypes.Name) is { Length: > 0 } name ? name : email)
            : null;
}
