using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Saas.Host.Accounts;
using Saas.Host.Recipes;
using Saas.Host.Tenancy;
using Saas.Kernel.Tenancy;

namespace Saas.Host.Admin;

/// <summary>
/// Creates the staff accounts a recipe lists (the demo towns' TenantAdmins) so a person trying the
/// product can sign in at <c>/admin</c>. Only missing accounts are created; an existing account
/// keeps its password and authenticator. The password comes from <c>Platform:DemoStaffPassword</c>;
/// without it one is generated once and kept next to the SQLite database, so every start prints
/// the same, working password.
/// </summary>
internal sealed class DemoStaff(IServiceScopeFactory scopes, TenantRegistry registry, IConfiguration configuration, IHostEnvironment environment, TimeProvider clock, ILogger<DemoStaff> logger)
{
    public const string PasswordSetting = "Platform:DemoStaffPassword";
    private const string PasswordFile = "demo-staff-password.txt";

    private readonly List<(Guid TenantId, RecipeStaff Member)> _seeded = [];
    private string? _password;

    /// <summary>Where the generated password is kept (none when it comes from configuration).</summary>
    private string PasswordPath => Path.Combine(Path.GetFullPath(Path.Combine(environment.ContentRootPath, configuration["Platform:DataPath"] ?? "data")), PasswordFile);

    public async Task EnsureAsync(Guid tenantId, IReadOnlyList<RecipeStaff>? staff, CancellationToken cancellationToken)
    {
        if (staff is not { Count: > 0 } || registry.Find(tenantId) is not { } town)
        {
            return;
        }
        using var _ = AmbientTenant.Begin(town);
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        foreach (var member in staff)
        {
            _seeded.Add((tenantId, member));
            if (await users.FindByEmailAsync(member.Email) is not null)
            {
                continue;
            }
            var account = new Account
            {
                Email = member.Email,
                NormalizedEmail = users.NormalizeEmail(member.Email)!,
                DisplayName = member.Name,
                Role = member.Role,
                EmailConfirmed = true,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            var result = await users.CreateAsync(account, Password());
            if (!result.Succeeded)
            {
                logger.LogError("Demo staff {Email} of {Town} not created: {Errors}", member.Email, town.Slug, string.Join("; ", result.Errors.Select(e => e.Description)));
            }
        }
    }

    /// <summary>Lines for the startup banner: where staff sign in, as whom, with which password.</summary>
    public IEnumerable<string> Describe(Func<TenantSnapshot, string> townUrl)
    {
        if (_seeded.Count == 0)
        {
            yield break;
        }
        yield return "";
        yield return "Staff sign-in (two-factor set-up with an authenticator app on first sign-in):";
        foreach (var (tenantId, member) in _seeded)
        {
            if (registry.Find(tenantId) is { } town)
            {
                yield return $"  {townUrl(town)}admin  {member.Email} ({member.Role})";
            }
        }
        yield return configuration[PasswordSetting] is { Length: > 0 }
            ? $"  Password: as set in {PasswordSetting}"
            : $"  Password: {Password()}   (generated, kept in {PasswordPath}; set {PasswordSetting} to choose one)";
    }

    private string Password()
    {
        if (_password is not null)
        {
            return _password;
        }
        if (configuration[PasswordSetting] is { Length: > 0 } configured)
        {
            return _password = configured;
        }
        var path = PasswordPath;
        if (File.Exists(path) && File.ReadAllText(path).Trim() is { Length: >= 12 } kept)
        {
            return _password = kept;
        }
        // 20 random characters from an unambiguous alphabet, in groups of four: easy to type, ~100 bits.
        const string alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
        var raw = new string(RandomNumberGenerator.GetItems<char>(alphabet, 20));
        _password = string.Join('-', raw.Chunk(4).Select(c => new string(c)));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, _password + Environment.NewLine);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return _password;
    }
}
