using Microsoft.AspNetCore.Localization;

namespace Saas.Host.Pages.Konto;

/// <summary>The same language cookie the language switch sets: a resident's chosen language follows them after sign-in.</summary>
internal static class LanguageCookie
{
    public static void Set(HttpResponse response, HttpRequest request, string culture) =>
        response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = request.IsHttps });
}
