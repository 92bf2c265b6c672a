using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Saas.Host.Accounts;
using Saas.Host.Recipes;
using Saas.Host.Web;
using Saas.Kernel.Security;

namespace Saas.Host.Signup;

/// <summary>
/// Turns a confirmed signup into a live town. One worker at a time holds a short lease on the
/// signup (a double click or a second tab waits for the first); the seeder's stages only add what
/// is missing, so a crash is repaired by the next attempt once the lease ran out; the town
/// answers only after the last stage, the admin account, is in place (fail-closed).
/// </summary>
internal sealed partial class SignupProvisioner(
    IDbContextFactory<SignupDbContext> signups,
    RecipeSeeder seeder,
    ThemeCatalog themes,
    TimeProvider clock,
    ILogger<SignupProvisioner> logger)
{
    /// <summary>Long enough for any provisioning (they take well under a second), short enough to resume soon after a crash.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    public async Task<ProvisioningResult> ProvisionAsync(Guid signupId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await signups.CreateDbContextAsync(cancellationToken);
        var claimed = await db.Signups
            .Where(s => s.Id == signupId && s.ConfirmedAt != null && s.ProvisionedAt == null && s.Failure == null && (s.LeaseUntil == null || s.LeaseUntil < now))
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.LeaseUntil, now + Lease), cancellationToken);
        var signup = await db.Signups.AsNoTracking().SingleAsync(s => s.Id == signupId, cancellationToken);
        if (claimed == 0)
        {
            return signup switch
            {
                { ProvisionedAt: not null } => ProvisioningResult.Live,
                { Failure: not null } => ProvisioningResult.SlugTaken,
                { ConfirmedAt: null } => ProvisioningResult.NotConfirmed,
                _ => ProvisioningResult.InProgress,
            };
        }
        var theme = themes.All.Single(t => t.Id == signup.Theme);
        try
        {
            await seeder.SeedAsync(SignupRecipe.Build(signup, theme, clock.GetUtcNow()),
                new SeedOptions(signup.Id, (services, ct) => CreateAdminAsync(services, signup)), cancellationToken);
        }
        catch (SlugTakenException)
        {
            await db.Signups.Where(s => s.Id == signupId).ExecuteUpdateAsync(u => u
                .SetProperty(s => s.Failure, "slug-taken").SetProperty(s => s.LeaseUntil, (DateTime?)null), cancellationToken);
            return ProvisioningResult.SlugTaken;
        }
        // The account has the password hash now; the signup keeps no copy of it.
        await db.Signups.Where(s => s.Id == signupId).ExecuteUpdateAsync(u => u
            .SetProperty(s => s.ProvisionedAt, clock.GetUtcNow().UtcDateTime).SetProperty(s => s.LeaseUntil, (DateTime?)null)
            .SetProperty(s => s.PasswordHash, ""), cancellationToken);
        LogLive(logger, signup.Slug, signup.Id);
        return ProvisioningResult.Live;
    }

    /// <summary>The town's first TenantAdmin, with the password chosen at signup and the address the link proved.</summary>
    private static async Task CreateAdminAsync(IServiceProvider services, SignupRow signup)
    {
        var users = services.GetRequiredService<UserManager<Account>>();
        if (await users.FindByEmailAsync(signup.AdminEmail) is not null)
        {
            return; // an earlier attempt got this far
        }
        var account = new Account
        {
            Email = signup.AdminEmail,
            NormalizedEmail = users.NormalizeEmail(signup.AdminEmail)!,
            DisplayName = signup.AdminName,
            Role = Roles.TenantAdmin,
            EmailConfirmed = true,
            PasswordHash = signup.PasswordHash,
            PreferredCulture = signup.Culture,
            CreatedAt = signup.ConfirmedAt ?? signup.CreatedAt,
        };
        var created = await users.CreateAsync(account);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException($"The admin account of signup {signup.Id} was refused: {string.Join("; ", created.Errors.Select(e => e.Code))}");
        }
    }

    [LoggerMessage(LogLevel.Information, "Signup {SignupId} is live as town {Slug}")]
    private static partial void LogLive(ILogger logger, string slug, Guid signupId); // bound by name
}

internal enum ProvisioningResult
{
    Live,
    InProgress,
    NotConfirmed,
    SlugTaken,
}
