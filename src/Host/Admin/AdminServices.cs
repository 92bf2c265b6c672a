using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Saas.Host.Accounts;
using Saas.Kernel.Modules;
using Saas.Kernel.Security;

namespace Saas.Host.Admin;

/// <summary>The town's staff area (<c>/admin</c>): page conventions, menu, dashboard figures.</summary>
internal static class AdminServices
{
    public static IServiceCollection AddTownAdmin(this IServiceCollection services, IReadOnlyList<IModule> modules)
    {
        // Everything under /Admin, also the pages modules bring (News editors), needs a staff session
        // with the second factor; only signing in (and accepting an invitation) is open. PostConfigure:
        // conventions added with Configure before AddRazorPages are dropped by the MVC setup.
        services.PostConfigure<RazorPagesOptions>(o =>
        {
            o.Conventions.AuthorizeFolder("/Admin", Policies.Staff);
            o.Conventions.AllowAnonymousToFolder("/Admin/Anmelden");
        });
        services.AddSingleton(provider => new AdminPermissions(
            (PermissionPolicyProvider)provider.GetRequiredService<IAuthorizationPolicyProvider>(), modules));
        services.AddScoped<AdminMenu>();
        services.AddScoped<DashboardQuery>();
        services.AddScoped<FirstSteps>();
        services.AddScoped<BrandImages>();
        services.AddSingleton<AuditTexts>();
        services.AddScoped<TownClock>();
        services.AddSingleton<DemoStaff>();
        services.AddScoped<TownCache>();
        services.AddSingleton<InvitationTokens>();
        services.AddScoped<StaffAdministration>();
        foreach (var module in modules.Where(m => m.DashboardFigures is not null))
        {
            services.AddScoped(module.DashboardFigures!);
        }
        services.PostConfigure<CookieAuthenticationOptions>(AccountSchemes.Staff, o =>
        {
            var redirect = o.Events.OnRedirectToLogin;
            o.Events.OnRedirectToLogin = context =>
            {
                // A staff cookie came along but no longer holds a session: it ran out (15 minutes idle)
                // or was ended; the sign-in page says so instead of looking like a first visit.
                if (context.Request.Cookies.ContainsKey(AccountSchemes.Cookies.Staff))
                {
                    context.RedirectUri += (context.RedirectUri.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "abgelaufen=1";
                }
                return redirect(context);
            };
        });
        return services;
    }
}
