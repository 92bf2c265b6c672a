using System.Globalization;
using Saas.Kernel.Localization;
using Saas.Modules.Appointments.Data;

namespace Saas.Modules.Appointments.Confirmation;

/// <summary>How mails and pages write a time and a place.</summary>
internal static class AppointmentWords
{
    public static string When(DateTimeOffset local, CultureInfo words) =>
        local.ToString(words.TwoLetterISOLanguageName == Texts.English ? "dddd, d MMMM yyyy, HH:mm" : "dddd, d. MMMM yyyy, HH:mm 'Uhr'", words);

    public static string Place(Location l) => $"{l.Name}, {l.Street}, {l.PostalCode} {l.City}";

    public static DateTimeOffset Local(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)), zone);
}
