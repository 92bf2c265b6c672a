using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Saas.Host.Accounts;
using Saas.Kernel.Security;

namespace Saas.IntegrationTests.Infrastructure;

/// <summary>An account created for a test, with what the test needs to act as it.</summary>
public sealed record TestAccount(Guid Id, string Email, string Password, string? TotpSecret)
{
    /// <summary>The authenticator code of the current (or a given) 30-second step.</summary>
    public string TotpCode(DateTimeOffset? at = null) =>
        Totp.Code(Base32.Decode(TotpSecret ?? throw new InvalidOperationException("No second factor enrolled.")), Totp.StepAt(at ?? DateTimeOffset.UtcNow));
}

/// <summary>Creates town accounts and support accounts directly through Identity (no mail round trip).</summary>
public static class TestAccounts
{
    public const string DefaultPassword = "Lindenallee-Brunnen-47";

    /// <summary>A confirmed account in <paramref name="tenantId"/>; staff roles get an enrolled authenticator.</summary>
    public static Task<TestAccount> CreateAsync(
        PlatformFactory factory, Guid tenantId, string email, string role = Roles.Resident,
        string password = DefaultPassword, bool confirmed = true, bool enrolTotp = true, string? displayName = null) =>
        TestTowns.AsTownAsync(factory, tenantId, async services =>
        {
            var users = services.GetRequiredService<UserManager<Account>>();
            var account = new Account
            {
                Email = email,
                NormalizedEmail = users.NormalizeEmail(email)!,
                DisplayName = displayName ?? email.Split('@')[0],
                Role = role,
                EmailConfirmed = confirmed,
                CreatedAt = DateTime.UtcNow,
            };
            var secret = Roles.IsStaff(role) && enrolTotp ? Enrol(services, account) : null;
            Check(await users.CreateAsync(account, password));
            return new TestAccount(account.Id, email, password, secret);
        });

    /// <summary>A support account on the platform (second factor enrolled).</summary>
    public static async Task<TestAccount> CreateSupportAsync(PlatformFactory factory, string email, string role = Roles.Support, string password = DefaultPassword)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PlatformStaff>>();
        var staff = new PlatformStaff
        {
            Email = email,
            NormalizedEmail = users.NormalizeEmail(email)!,
            DisplayName = email.Split('@')[0],
            Role = role,
            EmailConfirmed = true,
            CreatedAt = DateTime.UtcNow,
        };
        var secret = Enrol(scope.ServiceProvider, staff);
        Check(await users.CreateAsync(staff, password));
        return new TestAccount(staff.Id, email, password, secret);
    }

    private static string Enrol(IServiceProvider services, UserAccount account)
    {
        var (plain, protectedSecret) = services.GetRequiredService<TotpSecrets>().Create();
        account.AuthenticatorKey = protectedSecret;
        account.TwoFactorEnabled = true;
        return plain;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
