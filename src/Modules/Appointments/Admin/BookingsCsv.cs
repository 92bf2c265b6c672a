using System.Globalization;
using System.Text;

namespace Saas.Modules.Appointments.Admin;

/// <summary>
/// Bookings as a CSV file for German Excel: UTF-8 with BOM, semicolons, every cell quoted. A cell
/// that starts with = + - @ (or a tab or carriage return) gets a leading apostrophe, so a resident's
/// name can never become a formula in the office's spreadsheet.
/// </summary>
internal static class BookingsCsv
{
    public static byte[] Write(IEnumerable<PlanRow> rows, Func<string, string> text)
    {
        var csv = new StringBuilder();
        Line(csv, [text("appointments.admin.csv.date"), text("appointments.admin.csv.start"), text("appointments.admin.csv.end"), text("appointments.admin.csv.service"),
            text("appointments.admin.csv.location"), text("appointments.admin.csv.name"), text("appointments.admin.csv.email"), text("appointments.admin.csv.status")]);
        foreach (var row in rows)
        {
            var status = row.Cancelled ? text("appointments.admin.status.cancelled")
                : row.Attendance is { } a ? text($"appointments.admin.status.{a}") : text("appointments.admin.status.booked");
            Line(csv, [row.StartLocal.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture), row.StartLocal.ToString("HH:mm", CultureInfo.InvariantCulture),
                row.EndLocal.ToString("HH:mm", CultureInfo.InvariantCulture), row.Service, row.Location, row.Name, row.Email, status]);
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    public static string Cell(string value)
    {
        var safe = value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
        return "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    private static void Line(StringBuilder csv, IEnumerable<string> cells) => csv.Append(string.Join(';', cells.Select(Cell))).Append("\r\n");
}
