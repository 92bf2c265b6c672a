using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Saas.Host.Accounts.Passwords;
using Saas.Host.Audit;
using Saas.Host.Tenancy;
using Saas.Kernel.Audit;
using Saas.Kernel.Data;

namespace Saas.Host.Accounts;

/// <summary>Identity, the cookie schemes, policies and the audit log, registered once for all towns.</summary>
internal static class AccountServices
{
    public static IServiceCollection AddAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AccountOptions>(configuration.GetSection("Accounts"));
        services.AddTenantDbContext<AccountsDbContext>();
        services.AddTenantDbContext<AuditDbContext>();
        services.AddDbContext<PlatformStaffDbContext>((provider, options) => provider.GetRequiredService<DatabaseOptions>().Configure(options, provider));
        services.AddScoped<IAuditLog, AuditLog>();

        // PBKDF2 with HMAC-SHA512 (Identity v3 format) at 600,000 iterations: stronger than ASVS asks
        // for PBKDF2-HMAC-SHA256 at the same count. Old hashes are upgraded at the next sign-in.
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = AccountOptions.MinimumIterations);
        services.Configure<IdentityOptions>(o =>
        {
            o.User.RequireUniqueEmail = true;
            o.User.AllowedUserNameCharacters = "";
            o.Lockout.MaxFailedAccessAttempts = 10;
            o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            o.Lockout.AllowedForNewUsers = true;
            o.SignIn.RequireConfirmedEmail = true;
        });
        // ASVS 2.1: length is what counts, no composition rules, breached passwords refused.
        services.AddIdentityCore<Account>()
            .AddPasswordRules()
            .AddTokenProvider<DataProtectorTokenProvider<Account>>(TokenOptions.DefaultProvider)
            .AddTokenProvider<TotpTokenProvider<Account, AccountsDbContext>>(TotpSecrets.TownProvider);
        services.AddIdentityCore<PlatformStaff>()
            .AddPasswordRules()
            .AddTokenProvider<TotpTokenProvider<PlatformStaff, PlatformStaffDbContext>>(TotpSecrets.SupportProvider);
        services.AddOptions<DataProtectionTokenProviderOptions>()
            .Configure<IOptions<AccountOptions>>((o, accounts) => o.TokenLifespan = accounts.Value.LinkLifetime);
        services.AddScoped<IUserStore<Account>, AccountStore<Account, AccountsDbContext>>();
        services.AddScoped<IUserStore<PlatformStaff>, AccountStore<PlatformStaff, PlatformStaffDbContext>>();
        services.AddSingleton<TotpSecrets>();
        services.AddSingleton<LoginThrottle>();
        services.AddSingleton<SessionValidator>();
        services.AddScoped(typeof(SignInFlow<>));

        var authentication = services.AddAuthentication(AccountSchemes.BySite);
        authentication.AddPolicyScheme(AccountSchemes.BySite, null, o => o.ForwardDefaultSelector = context =>
            context.Features.Get<SiteFeature>()?.Tenant is null ? AccountSchemes.Support : AccountSchemes.Town);
        AddCookie(authentication, AccountSchemes.Town, AccountSchemes.Cookies.Town, SessionKind.Resident, "/konto/anmelden");
        AddCookie(authentication, AccountSchemes.Staff, AccountSchemes.Cookies.Staff, SessionKind.Staff, "/admin/anmelden");
        AddCookie(authentication, AccountSchemes.StaffTwoFactor, AccountSchemes.Cookies.StaffTwoFactor, SessionKind.StaffPending, "/admin/anmelden");
        AddCookie(authentication, AccountSchemes.Support, AccountSchemes.Cookies.Support, SessionKind.Support, "/support/anmelden");
        AddCookie(authentication, AccountSchemes.SupportTwoFactor, AccountSchemes.Cookies.SupportTwoFactor, SessionKind.SupportPending, "/support/anmelden");

        services.AddSingleton<IAuthorizationPolicyProvider, PermissionPolicyProvider>();
        services.AddAuthorization(AccountPolicies.Add);
        services.Configure<AntiforgeryOptions>(o =>
        {
            o.Cookie = new SecureCookieBuilder { Name = AccountSchemes.Cookies.Antiforgery, Path = "/", SameSite = SameSiteMode.Strict, HttpOnly = true, IsEssential = true };
        });
        return services;
    }

    private static void AddCookie(Microsoft.AspNetCore.Authentication.AuthenticationBuilder builder, string scheme, string cookie, SessionKind kind, string loginPath)
    {
        builder.AddCookie(scheme, o =>
        {
            o.Cookie.Name = cookie;
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            o.Cookie.SameSite = kind.IsPending ? SameSiteMode.Strict : SameSiteMode.Lax;
            o.Cookie.Path = "/";
            o.ExpireTimeSpan = kind.IdleTimeout;
            o.SlidingExpiration = !kind.IsPending;
            o.LoginPath = loginPath;
            o.LogoutPath = loginPath;
            o.AccessDeniedPath = "/fehler/403";
            o.ReturnUrlParameter = "zurueck";
            o.Events = new CookieAuthenticationEvents
            {
                OnValidatePrincipal = context => context.HttpContext.RequestServices.GetRequiredService<SessionValidator>().ValidateAsync(context, kind),
                // The API answers 401/403 as problem details; it never redirects to a sign-in form.
                OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized),
                OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden),
            };
        });
    }

    private static Task RedirectOrStatus(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        // Relative redirect: the sign-in page is on the same host, whatever the proxy says.
        var target = new Uri(context.RedirectUri, UriKind.RelativeOrAbsolute);
        context.Response.Redirect(target.IsAbsoluteUri ? target.PathAndQuery : context.RedirectUri);
        return Task.CompletedTask;
    }
}
