using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Saas.Host.Accounts;
using Saas.Host.Tenancy;
using Saas.Kernel.Security;
using Saas.Kernel.Tenancy;

namespace Saas.BrowserTests.Infrastructure;

/// <summary>A confirmed resident of a demo town, made through Identity (no mail round trip), and signing in as a person would.</summary>
public sealed record ResidentAccount(string Town, string Email, string Password, string Name)
{
    public const string DefaultPassword = "Wiesenweg Apfelbaum Sonnenuhr";

    public static async Task<ResidentAccount> CreateAsync(IServiceProvider services, string townSlug, string email, string name)
    {
        var town = services.GetRequiredService<TenantRegistry>().FindBySlug(townSlug) ?? throw new InvalidOperationException($"no town {townSlug}");
        using var _ = AmbientTenant.Begin(town);
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        var account = new Account
        {
            Email = email,
            NormalizedEmail = users.NormalizeEmail(email)!,
            DisplayName = name,
            Role = Roles.Resident,
            EmailConfirmed = true,
            CreatedAt = DateTime.UtcNow,
        };
        var result = await users.CreateAsync(account, DefaultPassword);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
        return new ResidentAccount(townSlug, email, DefaultPassword, name);
    }

    /// <summary>Signs in through /konto/anmelden and lands on /konto.</summary>
    public async Task SignInAsync(IPage page, string origin)
    {
        await page.GotoAsync($"{origin}/konto/anmelden");
        await page.FillAsync("#email", Email);
        await page.FillAsync("#password", Password);
        await page.PressAsync("#password", "Enter");
        await page.WaitForURLAsync($"{origin}/konto");
    }
}
