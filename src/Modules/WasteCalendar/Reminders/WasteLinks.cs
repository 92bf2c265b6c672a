namespace Saas.Modules.WasteCalendar.Reminders;

/// <summary>The addresses the waste calendar's mails point to, on the town's primary host.</summary>
internal static class WasteLinks
{
    public const string SubscribePath = "/abfall/erinnerung";
    public const string ConfirmPath = "/abfall/erinnerung/bestaetigen";
    public const string UnsubscribePath = "/abfall/erinnerung/abmelden";

    public static Uri Confirm(string host, Guid id, string token) =>
        new($"https://{host}{ConfirmPath}?id={id}&token={Uri.EscapeDataString(token)}");

    public static Uri Unsubscribe(string host, string token) =>
        new($"https://{host}{UnsubscribePath}?t={Uri.EscapeDataString(token)}");

    public static Uri Area(string host, Guid areaId) => new($"https://{host}/abfall/{areaId}");
}
