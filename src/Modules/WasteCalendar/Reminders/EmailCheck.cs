using System.Net.Mail;
using System.Text.RegularExpressions;

namespace Saas.Modules.WasteCalendar.Reminders;

/// <summary>An address worth mailing: one mailbox, a domain with a dot, no display name or comments.</summary>
internal static partial class EmailCheck
{
    public const int Max = 254;

    /// <summary>The address trimmed and in lower case, or null when it is not one.</summary>
    public static string? Normalize(string? value)
    {
        var email = (value ?? "").Trim().ToLowerInvariant();
        if (email.Length is < 3 or > Max || !Shape().IsMatch(email))
        {
            return null;
        }
        try
        {
            return new MailAddress(email).Address == email ? email : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"^[^@\s""<>(),;:\\\[\]]+@[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}$")]
    private static partial Regex Shape();
}
