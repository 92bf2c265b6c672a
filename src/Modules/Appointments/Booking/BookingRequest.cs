using System.Globalization;
using System.Net.Mail;
using System.Text.RegularExpressions;

namespace Saas.Modules.Appointments.Booking;

/// <summary>What an app or the booking form sends; every field arrives as text and is checked here.</summary>
/// <remarks><paramref name="LocationId"/> picks one of the service's further locations (itinerant office hours); empty means its main one.</remarks>
internal sealed record BookingRequest(string? ServiceId, string? Start, string? Name, string? Email, string? LocationId = null);

/// <summary>A request that passed the format checks.</summary>
internal sealed record ValidBookingRequest(Guid ServiceId, DateTimeOffset Start, string Name, string Email, Guid? LocationId = null);

internal static partial class BookingRequestValidator
{
    public const int MaxName = 200;
    public const int MaxEmail = 254;

    private static readonly string[] StartFormats = ["yyyy-MM-dd'T'HH:mmzzz", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm'Z'", "yyyy-MM-dd'T'HH:mm:ss'Z'"];

    /// <summary>The checked request, or the errors per field (RFC 9457 validation problem).</summary>
    public static (ValidBookingRequest? Request, Dictionary<string, string[]> Errors) Validate(BookingRequest? request)
    {
        var errors = new Dictionary<string, string[]>();
        if (request is null)
        {
            errors[""] = ["A JSON body with serviceId, start, name and email is required."];
            return (null, errors);
        }
        if (!Guid.TryParse(request.ServiceId, out var serviceId))
        {
            errors["serviceId"] = ["serviceId must be the id of one of the town's services."];
        }
        var start = ParseStart(request.Start);
        if (start is null)
        {
            errors["start"] = ["start must be an ISO 8601 time with offset, e.g. 2026-12-08T09:00:00+01:00."];
        }
        var name = request.Name?.Trim() ?? "";
        if (name.Length == 0 || name.Length > MaxName || name.Any(char.IsControl))
        {
            errors["name"] = [$"name is required, at most {MaxName} characters, without control characters."];
        }
        var email = request.Email?.Trim() ?? "";
        if (!IsEmail(email))
        {
            errors["email"] = ["email must be a valid e-mail address."];
        }
        Guid? location = null;
        if (!string.IsNullOrWhiteSpace(request.LocationId))
        {
            if (Guid.TryParse(request.LocationId, out var l))
            {
                location = l;
            }
            else
            {
                errors["locationId"] = ["locationId must be the id of one of the service's locations, or left out for its main location."];
            }
        }
        return errors.Count > 0 ? (null, errors) : (new ValidBookingRequest(serviceId, start!.Value, name, email, location), errors);
    }

    private static DateTimeOffset? ParseStart(string? value) =>
        value is not null && DateTimeOffset.TryParseExact(value.Trim(), StartFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var start)
        && start.Year is > 2000 and < 2200
            ? start
            : null;

    private static bool IsEmail(string email)
    {
        if (email.Length is 0 or > MaxEmail || !EmailShape().IsMatch(email))
        {
            return false;
        }
        try
        {
            return new MailAddress(email).Address == email;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"^[^@\s""<>(),;:\\\[\]]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")]
    private static partial Regex EmailShape();
}
