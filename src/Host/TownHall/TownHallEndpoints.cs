using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using Saas.Kernel.Branding;
using Saas.Kernel.Tenancy;

namespace Saas.Host.TownHall;

/// <summary>The town's always-on endpoints: brand stylesheet, coat of arms, language switch and the public profile API.</summary>
internal static class TownHallEndpoints
{
    public static IEndpointRouteBuilder MapTownHall(this IEndpointRouteBuilder app)
    {
        app.MapGet("/brand.css", BrandCss).ExcludeFromDescription();
        app.MapGet("/media/coat-of-arms", (TownHallDbContext db, HttpContext http, CancellationToken ct) => BrandImage(MediaFile.CoatOfArms, db, http, ct)).ExcludeFromDescription();
        app.MapGet("/media/logo", (TownHallDbContext db, HttpContext http, CancellationToken ct) => BrandImage(MediaFile.Logo, db, http, ct)).ExcludeFromDescription();
        app.MapGet("/sprache/{culture}", SwitchCulture).ExcludeFromDescription();
        app.MapGet("/api/v1/tenant", Profile)
            .WithName("GetTenant")
            .WithTags("Tenant")
            .WithSummary("The current town's public profile.");
        return app;
    }

    /// <summary>Brand colours as CSS custom properties: a stylesheet, so the CSP needs no inline styles.</summary>
    private static IResult BrandCss(ITenantContext tenant, HttpContext http)
    {
        var t = tenant.Current!;
        var css = $$"""
            :root {
              --brand-primary: {{t.Branding.PrimaryColor}};
              --brand-on-primary: {{ContrastChecker.ReadableOn(t.Branding.PrimaryColor)}};
              --brand-secondary: {{t.Branding.SecondaryColor}};
              --brand-on-secondary: {{ContrastChecker.ReadableOn(t.Branding.SecondaryColor)}};
            }
            """;
        http.Response.Headers.CacheControl = "public, max-age=300";
        return Results.Text(css, "text/css; charset=utf-8");
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> BrandImage(string key, TownHallDbContext db, HttpContext http, CancellationToken cancellationToken)
    {
        var file = await db.Media.AsNoTracking().SingleOrDefaultAsync(m => m.Key == key, cancellationToken);
        if (file is null)
        {
            return TypedResults.NotFound();
        }
        // Opened on its own, an SVG is a document: it may not run or load anything.
        http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; sandbox";
        http.Response.Headers.CacheControl = "public, max-age=300";
        return TypedResults.File(file.Content, file.ContentType);
    }

    private static IResult SwitchCulture(string culture, string? zurueck, HttpContext http)
    {
        if (!Kernel.Localization.Texts.SupportedCultures.Contains(culture))
        {
            return Results.NotFound();
        }
        http.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps });
        var target = zurueck is { Length: > 0 } && zurueck[0] == '/' && !zurueck.StartsWith("//", StringComparison.Ordinal) && !zurueck.StartsWith("/\\", StringComparison.Ordinal)
            ? zurueck
            : "/";
        return Results.LocalRedirect(target);
    }

    private static Ok<TenantProfile> Profile(ITenantContext tenant)
    {
        var t = tenant.Current!;
        return TypedResults.Ok(new TenantProfile(
            t.Slug, t.Name, t.Kind, t.FullName, $"https://{t.PrimaryHost}", t.IsDemo,
            t.Features.Order(StringComparer.Ordinal).ToList(), t.Theme, t.Settings.Cultures, t.Settings.TimeZone,
            new TenantProfileContact(t.Contact.Authority, t.Contact.Street, t.Contact.PostalCode, t.Contact.City, t.Contact.Phone, t.Contact.Email)));
    }
}

/// <summary>Public profile of a town for apps (<c>GET /api/v1/tenant</c>).</summary>
internal sealed record TenantProfile(
    string Slug,
    string Name,
    string Kind,
    string FullName,
    string Url,
    bool Demo,
    IReadOnlyList<string> Features,
    string Theme,
    IReadOnlyList<string> Cultures,
    string TimeZone,
    TenantProfileContact Contact);

internal sealed record TenantProfileContact(string Authority, string Street, string PostalCode, string City, string? Phone, string? Email);
