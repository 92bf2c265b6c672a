using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Saas.Host.Accounts;
using Saas.Kernel.Security;
using Saas.TestInfrastructure;

namespace Saas.BrowserTests.Infrastructure;

/// <summary>A vendor support account on the platform with an enrolled authenticator, and signing it in at /support.</summary>
public sealed record SupportAccount(string Email, string Password, string Secret)
{
    public const string DefaultPassword = "Leuchtturm-Hafenkante-29";

    public string Code(DateTimeOffset at) => Totp.Code(Base32.Decode(Secret), Totp.StepAt(at));

    /// <summary>The name the banner and the audit log show (the address's local part, as the account's display name).</summary>
    public string DisplayName => Email.Split('@')[0];

    /// <param name="enrolTotp">False: the account has no authenticator yet and is sent to enrolment at its first sign-in.</param>
    public static async Task<SupportAccount> CreateAsync(IServiceProvider services, string email, string role = Roles.Support, bool enrolTotp = true)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PlatformStaff>>();
        var (secret, protectedSecret) = scope.ServiceProvider.GetRequiredService<TotpSecrets>().Create();
        var staff = new PlatformStaff
        {
            Email = email,
            NormalizedEmail = users.NormalizeEmail(email)!,
            DisplayName = email.Split('@')[0],
            Role = role,
            EmailConfirmed = true,
            CreatedAt = DateTime.UtcNow,
            AuthenticatorKey = enrolTotp ? protectedSecret : null,
            TwoFactorEnabled = enrolTotp,
        };
        var result = await users.CreateAsync(staff, DefaultPassword);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
        return new SupportAccount(email, DefaultPassword, enrolTotp ? secret : "");
    }

    /// <summary>Signs in through /support/anmelden and the code page (by keyboard: Enter submits), landing on the town list.</summary>
    /// <param name="check">Called on the sign-in page and on the code page before each is submitted (axe, say).</param>
    public async Task SignInAsync(IPage page, string platformOrigin, TestClock clock, Func<string, Task>? check = null)
    {
        using var _ = await SignInLock.ForAsync(Email);
        clock.Advance(TimeSpan.FromSeconds(31));
        await page.GotoAsync($"{platformOrigin}/support/anmelden");
        if (check is not null)
        {
            await check("support sign-in");
        }
        await page.FillAsync("#email", Email);
        await page.FillAsync("#password", Password);
        await page.PressAsync("#password", "Enter");
        await page.WaitForURLAsync("**/support/anmelden/code**");
        if (check is not null)
        {
            await check("support code");
        }
        await page.FillAsync("#code", Code(clock.GetUtcNow()));
        await page.PressAsync("#code", "Enter");
        await page.WaitForURLAsync("**/support/gemeinden");
    }
}
