using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Saas.Kernel.Modules;
using Saas.Kernel.Security;

namespace Saas.Host.Accounts;

/// <summary>
/// Turns <c>permission:news.edit</c> into a policy: a staff session (second factor passed) whose role
/// the module grants that permission by default. Unknown permissions are refused, never allowed.
/// </summary>
internal sealed class PermissionPolicyProvider(IOptions<AuthorizationOptions> options, IEnumerable<IModule> modules)
    : DefaultAuthorizationPolicyProvider(options)
{
    private readonly Dictionary<string, IReadOnlyList<string>> _grants = modules
        .SelectMany(m => m.Permissions)
        .ToDictionary(p => p.Name, p => p.DefaultRoles, StringComparer.Ordinal);

    public override async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
    {
        if (!policyName.StartsWith(Policies.PermissionPrefix, StringComparison.Ordinal))
        {
            return await base.GetPolicyAsync(policyName);
        }
        var roles = _grants.GetValueOrDefault(policyName[Policies.PermissionPrefix.Length..]) ?? [];
        return AccountPolicies.StaffWithRoles(roles.Count == 0 ? [Roles.TenantAdmin] : roles, requireAny: roles.Count > 0);
    }

    /// <summary>The roles a module permission is granted to (for the users page).</summary>
    public IReadOnlyList<string> RolesFor(string permission) => _grants.GetValueOrDefault(permission) ?? [];
}

internal static class AccountPolicies
{
    public static AuthorizationPolicy StaffWithRoles(IEnumerable<string> roles, bool requireAny = true)
    {
        var builder = new AuthorizationPolicyBuilder(AccountSchemes.Staff)
            .RequireAuthenticatedUser()
            .RequireClaim(AccountClaims.Amr, AccountClaims.MultiFactor)
            .RequireRole(roles);
        if (!requireAny)
        {
            // A permission no module declares: nobody holds it.
            builder.RequireAssertion(_ => false);
        }
        return builder.Build();
    }

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Policies.Resident, p => p.AddAuthenticationSchemes(AccountSchemes.Town).RequireAuthenticatedUser());
        options.AddPolicy(Policies.Staff, StaffWithRoles(Roles.StaffRoles));
        options.AddPolicy(Policies.TenantAdmin, StaffWithRoles([Roles.TenantAdmin]));
        options.AddPolicy(Policies.Support, p => p.AddAuthenticationSchemes(AccountSchemes.Support).RequireAuthenticatedUser()
            .RequireClaim(AccountClaims.Amr, AccountClaims.MultiFactor).RequireRole(Roles.Support, Roles.SupportAdmin));
        options.AddPolicy(Policies.SupportAdmin, p => p.AddAuthenticationSchemes(AccountSchemes.Support).RequireAuthenticatedUser()
            .RequireClaim(AccountClaims.Amr, AccountClaims.MultiFactor).RequireRole(Roles.SupportAdmin));
    }
}
