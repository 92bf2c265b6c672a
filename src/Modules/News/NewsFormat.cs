using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Saas.Kernel.Tenancy;

namespace Saas.Modules.News;

/// <summary>Dates in the town's time zone and language; the demo marker.</summary>
internal static class NewsFormat
{
    public static string Date(DateTime utc, HttpContext http)
    {
        var local = ToLocal(utc, http);
        return local.ToString(CultureInfo.CurrentCulture.TwoLetterISOLanguageName == "en" ? "d MMMM yyyy" : "d. MMMM yyyy", CultureInfo.CurrentCulture);
    }

    public static DateTime ToLocal(DateTime utc, HttpContext http)
    {
        var tenant = http.RequestServices.GetRequiredService<ITenantContext>().Current;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(tenant?.Settings.TimeZone ?? "Europe/Berlin");
        return TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
    }

    public static bool IsDemo(HttpContext http) =>
        http.RequestServices.GetRequiredService<ITenantContext>().Current?.IsDemo == true;
}
