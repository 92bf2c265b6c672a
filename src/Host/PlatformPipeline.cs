using Saas.Host.OpenId;
using Saas.Host.Platform;
using Saas.Host.Support;
using Saas.Host.Tenancy;
using Saas.Host.TownHall;
using Saas.Host.Web;
using Saas.Kernel.Modules;
using Microsoft.Extensions.FileProviders;

namespace Saas.Host;

/// <summary>The request pipeline. Order matters: the town is known before anything else runs.</summary>
internal static class PlatformPipeline
{
    public static WebApplication UsePlatform(this WebApplication app, IReadOnlyList<IModule> modules)
    {
        if (app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<PlatformOptions>>().Value.ServerTiming)
        {
            app.UseMiddleware<ServerTimingMiddleware>();
        }
        app.UseForwardedHeaders();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }
        // The API answers errors with RFC 9457 problem details; pages with a page in the town's theme.
        app.UseWhen(IsApi, api => api.UseExceptionHandler().UseStatusCodePages());
        app.UseWhen(ctx => !IsApi(ctx), pages => pages.UseExceptionHandler("/fehler/500").UseStatusCodePagesWithReExecute("/fehler/{0}"));

        // Theme stylesheets are the same for every host; served before tenant resolution so the
        // neutral page can use them too.
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(app.Services.GetRequiredService<ThemeCatalog>().Path),
            RequestPath = "/themes",
            OnPrepareResponse = ctx => ctx.Context.Response.Headers.CacheControl = "public, max-age=3600",
        });

        app.UseMiddleware<TenantResolutionMiddleware>();
        // Cached town pages are answered here, before localization, routing and authentication (they
        // still spend the client's rate-limit budget); requests with a sign-in cookie never are
        // (TownPageCachePolicy), so no signed-in page is ever shared.
        app.UseMiddleware<TownPageCacheMiddleware>();
        app.UseRequestLocalization();
        app.UseRateLimiter();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapPlatformEndpoints();
        app.MapOpenApi("/openapi/{documentName}.json").WithMetadata(new SiteAttribute(Site.Any));
        app.MapTownHall();
        app.MapSupport();
        app.MapOpenId();
        foreach (var module in modules)
        {
            module.MapEndpoints(app.MapGroup(string.Empty).WithMetadata(new RequiresFeatureAttribute(module.FeatureKey)));
        }
        app.MapRazorPages();
        return app;
    }

    private static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");
}
