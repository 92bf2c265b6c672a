using Microsoft.AspNetCore.Identity;

namespace Saas.Host.Accounts.Passwords;

/// <summary>Applies <see cref="PasswordPolicy"/> to an Identity setup in one call.</summary>
internal static class PasswordRules
{
    /// <summary>
    /// Minimum length, no composition rules, the breached-password and maximum-length check, and
    /// German/English messages: <c>services.AddIdentityCore&lt;User&gt;().AddPasswordRules()</c>.
    /// </summary>
    public static IdentityBuilder AddPasswordRules(this IdentityBuilder builder)
    {
        builder.Services.Configure<IdentityOptions>(options =>
        {
            options.Password.RequiredLength = PasswordPolicy.MinLength;
            options.Password.RequireDigit = false;
            options.Password.RequireLowercase = false;
            options.Password.RequireUppercase = false;
            options.Password.RequireNonAlphanumeric = false;
            options.Password.RequiredUniqueChars = 1;
        });
        builder.Services.AddScoped(
            typeof(IPasswordValidator<>).MakeGenericType(builder.UserType),
            typeof(BreachedPasswordValidator<>).MakeGenericType(builder.UserType));
        return builder.AddErrorDescriber<LocalizedIdentityErrorDescriber>();
    }
}
