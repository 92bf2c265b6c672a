using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Saas.Host.Accounts;
using Saas.Host.Support.Access;
using Saas.Host.Tenancy;
using Saas.Host.Web;
using Saas.Kernel.Tenancy;

namespace Saas.Host.Support.TownSide;

/// <summary>What the banner of a support-access session says: who, why, and until when (town time).</summary>
internal sealed record SupportAccessNotice(string Name, string Reason, string Until);

/// <summary>
/// Reads the support-access session on a town's pages for the banner (<c>_SupportAccessBanner</c>).
/// Resident pages authenticate with the residents' cookie, so this asks the staff scheme itself;
/// the session validator has already checked the grant by then.
/// </summary>
internal sealed class SupportAccessBanner(IHttpContextAccessor http, ITenantContext tenant, IOptions<PlatformOptions> platform)
{
    public async Task<SupportAccessNotice?> GetAsync()
    {
        if (http.HttpContext is not { } context || tenant.Current is not { } town
            || !context.Request.Cookies.ContainsKey(AccountSchemes.Cookies.Staff))
        {
            return null;
        }
        var result = await context.AuthenticateAsync(AccountSchemes.Staff);
        if (!result.Succeeded || result.Principal.FindFirstValue(AccountClaims.SupportSession) is null)
        {
            return null;
        }
        // The exit button posts here and is redirected to the console on the platform host.
        FormActionPolicy.Allow(context.Response, FormActionPolicy.OriginOf(context.Request, platform.Value.Domain.ToLowerInvariant()));
        var principal = result.Principal;
        var until = long.TryParse(principal.FindFirstValue(AccountClaims.SupportUntil), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeSeconds(seconds), TimeZone(town.Settings.TimeZone)).ToString("HH:mm", CultureInfo.InvariantCulture)
            : "?";
        return new SupportAccessNotice(
            principal.FindFirstValue(AccountClaims.SupportName) ?? "?",
            principal.FindFirstValue(SupportClaims.Reason) ?? "",
            until);
    }

    private static TimeZoneInfo TimeZone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}
