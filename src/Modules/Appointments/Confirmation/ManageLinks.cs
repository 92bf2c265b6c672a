namespace Saas.Modules.Appointments.Confirmation;

/// <summary>The addresses mails point to; each carries what it needs to work without an account.</summary>
internal static class ManageLinks
{
    public static Uri Cancel(string host, Guid id, string? token) => token is null ? Mine(host) : new($"https://{host}/termine/absagen/{id}?token={Uri.EscapeDataString(token)}");

    public static Uri Reschedule(string host, Guid id, string? token) => token is null ? Mine(host) : new($"https://{host}/termine/verschieben/{id}?token={Uri.EscapeDataString(token)}");

    /// <summary>The hold's confirmation: the code proves the mailbox, the token lets the page mail the manage links.</summary>
    public static Uri Confirm(string host, Guid id, string token, string code) =>
        new($"https://{host}/termine/bestaetigen/{id}?token={Uri.EscapeDataString(token)}&code={Uri.EscapeDataString(code)}");

    public static Uri Mine(string host) => new($"https://{host}/termine/meine");
}
