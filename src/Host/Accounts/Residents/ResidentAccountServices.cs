using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Saas.Host.Accounts.Privacy;
using Saas.Kernel.Privacy;

namespace Saas.Host.Accounts.Residents;

/// <summary>Residents' own account pages (<c>/konto</c>): registration, sign-in, profile, GDPR export and deletion.</summary>
internal static class ResidentAccountServices
{
    public static IServiceCollection AddResidentAccounts(this IServiceCollection services)
    {
        services.AddSingleton<AccountMailOutbox>();
        services.AddHostedService(provider => provider.GetRequiredService<AccountMailOutbox>());
        services.AddScoped<AccountLinks>();
        services.AddScoped<ResidentMails>();
        services.AddScoped<ResidentSession>();
        services.AddScoped<Registration>();
        services.AddScoped<PasswordReset>();
        services.AddScoped<EmailChange>();
        services.AddScoped<PersonalDataExport>();
        services.AddScoped<AccountDeletion>();
        services.AddScoped<IPersonalDataContributor, AuditLogPersonalData>();

        // Every page under /konto is personal or carries a form token bound to this browser:
        // never kept by the output cache, a proxy or the browser's history cache.
        services.Configure<RazorPagesOptions>(options => options.Conventions.AddFolderApplicationModelConvention("/Konto", model =>
        {
            model.EndpointMetadata.Add(new OutputCacheAttribute { NoStore = true });
            model.Filters.Add(new ResponseCacheAttribute { NoStore = true, Location = ResponseCacheLocation.None });
        }));
        return services;
    }
}
