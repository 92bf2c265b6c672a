using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Saas.Host.Accounts;
using Saas.Host.Tenancy;
using Saas.Kernel.Security;
using Saas.Kernel.Tenancy;
using Saas.TestInfrastructure;

namespace Saas.BrowserTests.Infrastructure;

/// <summary>A staff account of a demo town with an enrolled authenticator, and signing it in as a person would.</summary>
public sealed record StaffAccount(string Town, string Email, string Password, string Secret)
{
    public const string DefaultPassword = "Kirchplatz-Eichenweg-83";

    /// <summary>The authenticator app's code at <paramref name="at"/>.</summary>
    public string Code(DateTimeOffset at) => Totp.Code(Base32.Decode(Secret), Totp.StepAt(at));

    /// <param name="enrolTotp">False: no authenticator yet, so the first sign-in leads to the enrolment page (<see cref="Secret"/> is empty).</param>
    public static async Task<StaffAccount> CreateAsync(IServiceProvider services, string townSlug, string email, string role = Roles.Editor, bool enrolTotp = true)
    {
        var town = services.GetRequiredService<TenantRegistry>().FindBySlug(townSlug) ?? throw new InvalidOperationException($"no town {townSlug}");
        using var _ = AmbientTenant.Begin(town);
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        var (secret, protectedSecret) = scope.ServiceProvider.GetRequiredService<TotpSecrets>().Create();
        var account = new Account
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
        var result = await users.CreateAsync(account, DefaultPassword);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
        return new StaffAccount(townSlug, email, DefaultPassword, enrolTotp ? secret : "");
    }

    /// <summary>Signs in through /admin/anmelden: password, then the code of the clock's current step (moved on first, as a code works once).</summary>
    /// <param name="check">Called on the sign-in page and on the second-factor page before each is submitted (axe, say).</param>
    public async Task SignInAsync(IPage page, string origin, TestClock clock, Func<string, Task>? check = null)
    {
        using var _ = await SignInLock.ForAsync(Email);
        clock.Advance(TimeSpan.FromSeconds(31));
        var signIn = await page.GotoAsync($"{origin}/admin/anmelden");
        if (signIn?.Status != 200)
        {
            throw new InvalidOperationException($"sign-in page answered {signIn?.Status}: {(await page.ContentAsync())[..Math.Min(2000, (await page.ContentAsync()).Length)]}");
        }
        if (check is not null)
        {
            await check("admin sign-in");
        }
        await page.FillAsync("#email", Email);
        await page.FillAsync("#password", Password);
        await page.Locator("main form button[type=submit]").ClickAsync();
        // Password hashing plus the page load: on a loaded 2-core machine this took over 20 s once.
        await page.WaitForURLAsync("**/admin/anmelden/zweiter-faktor**", new() { Timeout = 60_000 });
        if (check is not null)
        {
            await check("admin second factor");
        }
        await page.FillAsync("#code", Code(clock.GetUtcNow()));
        await page.Locator("main form button[type=submit]").ClickAsync();
        try
        {
            // Arriving is the point: the dashboard's figures are in its HTML, so the DOM is enough (the full
            // load event once took over 30 s on a loaded machine while the page was already shown).
            await page.WaitForURLAsync($"{origin}/admin", new() { WaitUntil = WaitUntilState.DOMContentLoaded, Timeout = 60_000 });
        }
        catch (TimeoutException e)
        {
            throw new InvalidOperationException($"{Email} did not reach {origin}/admin; the browser is at {page.Url}: {await page.Locator("main").InnerTextAsync()}", e);
        }
    }
}
