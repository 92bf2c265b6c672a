using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Saas.Host.Accounts;
using Saas.Kernel.Security;

namespace Saas.Host.Support.Team;

/// <summary>Settings of section <c>Support</c>.</summary>
internal sealed class SupportOptions
{
    /// <summary>The first SupportAdmin, created at startup unless an account with this address exists.</summary>
    public string? BootstrapAdminEmail { get; set; }
    public string? BootstrapAdminPassword { get; set; }
}

/// <summary>
/// Creates the very first SupportAdmin, from whom every other support account is invited: from
/// configuration (<c>Support:BootstrapAdminEmail</c> + <c>Support:BootstrapAdminPassword</c>), or in
/// Development (the embedded demo) as <see cref="DemoEmail"/> with a generated password printed
/// next to the addresses at startup. The account enrols its authenticator at the first sign-in.
/// </summary>
internal sealed class SupportBootstrap(
    IServiceScopeFactory scopes,
    Microsoft.Extensions.Options.IOptions<SupportOptions> options,
    IHostEnvironment environment,
    Platform.StartupNotes notes,
    TimeProvider clock,
    ILogger<SupportBootstrap> logger) : IHostedService
{
    public const string DemoEmail = "support@rathausplatz.localhost";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var configured = options.Value;
        var demo = string.IsNullOrWhiteSpace(configured.BootstrapAdminEmail) && environment.IsDevelopment();
        var email = demo ? DemoEmail : configured.BootstrapAdminEmail?.Trim();
        if (string.IsNullOrEmpty(email))
        {
            return;
        }
        var password = demo ? NewPassword() : configured.BootstrapAdminPassword;
        if (string.IsNullOrEmpty(password))
        {
            logger.LogError("Support:BootstrapAdminEmail is set without Support:BootstrapAdminPassword; no support account created");
            return;
        }
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PlatformStaff>>();
        if (await users.FindByEmailAsync(email) is not null)
        {
            if (demo)
            {
                notes.Add($"  Support console: /support  user {email}  (its password was printed at the first start)");
            }
            return;
        }
        var admin = new PlatformStaff
        {
            Email = email,
            NormalizedEmail = users.NormalizeEmail(email)!,
            DisplayName = demo ? "Demo-Support" : email.Split('@')[0],
            Role = Roles.SupportAdmin,
            EmailConfirmed = true,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var result = await users.CreateAsync(admin, password);
        if (!result.Succeeded)
        {
            // Another node created it at the same moment, or the configured password is too weak.
            logger.LogError("The first support admin {Email} was not created: {Errors}", email, string.Join("; ", result.Errors.Select(e => e.Description)));
            return;
        }
        logger.LogInformation("Created the first support admin {Email}", email);
        if (demo)
        {
            notes.Add($"  Support console: /support  user {email}  password {password}");
            notes.Add("  (the password is shown this once; the authenticator app is set up at the first sign-in)");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>20 characters from an alphabet without look-alikes: about 115 bits.</summary>
    internal static string NewPassword() =>
        RandomNumberGenerator.GetString("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 20);
}
