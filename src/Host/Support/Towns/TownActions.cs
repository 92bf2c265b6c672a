using Microsoft.EntityFrameworkCore;
using Saas.Host.Tenancy;
using Saas.Kernel.Data;
using Saas.Kernel.Modules;
using Saas.Kernel.Tenancy;

namespace Saas.Host.Support.Towns;

/// <summary>
/// What support may change about a town, each change through <see cref="TenantAdministration"/>
/// (version bump, every node updated) and recorded in the town's audit log with the reason.
/// Returns a text key of the problem, or null when the change was made.
/// </summary>
internal sealed class TownActions(TenantAdministration administration, TenantRegistry registry, IEnumerable<IModule> modules, SupportAudit audit, TownFiguresCache figures)
{
    public const int MaxReasonLength = 500;

    /// <summary>Which state each action leads to, and from which states it is allowed.</summary>
    public static readonly IReadOnlyDictionary<string, (TenantState To, TenantState[] From)> StateChanges = new Dictionary<string, (TenantState, TenantState[])>
    {
        ["suspend"] = (TenantState.Suspended, [TenantState.Active]),
        ["resume"] = (TenantState.Active, [TenantState.Suspended, TenantState.Disabled]),
        ["disable"] = (TenantState.Disabled, [TenantState.Active, TenantState.Suspended]),
    };

    public static string? CheckReason(string? reason) =>
        string.IsNullOrWhiteSpace(reason) ? "support.error.reason.required"
        : reason.Trim().Length > MaxReasonLength ? "support.error.reason.long"
        : null;

    public async Task<string?> ChangeStateAsync(Guid tenantId, string change, string? reason, CancellationToken cancellationToken)
    {
        if (registry.Find(tenantId) is not { } town)
        {
            return "support.error.town.unknown";
        }
        if (!StateChanges.TryGetValue(change, out var step) || !step.From.Contains(town.State))
        {
            return "support.error.state.invalid";
        }
        if (CheckReason(reason) is { } problem)
        {
            return problem;
        }
        await administration.SetStateAsync(tenantId, step.To, cancellationToken);
        await audit.RecordAsync(town, $"support.town.{change}", $"{town.State} → {step.To}", reason!.Trim(), cancellationToken);
        return null;
    }

    public async Task<string?> SetFeatureAsync(Guid tenantId, string feature, bool enabled, string? reason, CancellationToken cancellationToken)
    {
        if (registry.Find(tenantId) is not { } town)
        {
            return "support.error.town.unknown";
        }
        if (!modules.Any(m => m.FeatureKey == feature))
        {
            return "support.error.feature.unknown";
        }
        if (CheckReason(reason) is { } problem)
        {
            return problem;
        }
        if (town.HasFeature(feature) == enabled)
        {
            return null;
        }
        var features = enabled ? town.Features.Append(feature).ToList() : town.Features.Where(f => f != feature).ToList();
        await administration.SetFeaturesAsync(tenantId, features, cancellationToken);
        await audit.RecordAsync(town, enabled ? "support.feature.added" : "support.feature.removed", feature, reason!.Trim(), cancellationToken);
        figures.Invalidate();
        return null;
    }

    public async Task<string?> AddDomainAsync(Guid tenantId, string? host, string kind, bool verified, string? reason, CancellationToken cancellationToken)
    {
        if (registry.Find(tenantId) is not { } town)
        {
            return "support.error.town.unknown";
        }
        if (kind is not (DomainKind.Custom or DomainKind.Secondary))
        {
            return "support.error.domain.kind";
        }
        var normalized = HostNormalizer.Normalize(host ?? "");
        if (normalized is null)
        {
            return "support.error.domain.invalid";
        }
        if (registry.IsPlatformHost(normalized))
        {
            return "support.error.domain.platform";
        }
        if (CheckReason(reason) is { } problem)
        {
            return problem;
        }
        if (registry.Resolve(normalized).Kind != HostMatchKind.NotFound || registry.Tenants.Any(t => registry.FindEntry(t.Id)?.Domains.Any(d => d.Host == normalized) == true))
        {
            return "support.error.domain.taken";
        }
        try
        {
            await administration.AddDomainAsync(tenantId, normalized, kind, verified, cancellationToken);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            // Another town (or a second click) took the host between the check and the insert.
            return "support.error.domain.taken";
        }
        await audit.RecordAsync(town, "support.domain.added", $"{normalized} ({kind}{(verified ? ", geprüft" : "")})", reason!.Trim(), cancellationToken);
        return null;
    }

    public async Task<string?> RemoveDomainAsync(Guid tenantId, string? host, string? reason, CancellationToken cancellationToken)
    {
        if (registry.Find(tenantId) is not { } town)
        {
            return "support.error.town.unknown";
        }
        if (CheckReason(reason) is { } problem)
        {
            return problem;
        }
        if (string.IsNullOrEmpty(host) || registry.FindEntry(tenantId)?.Domains.Any(d => d.Host == host) != true)
        {
            return "support.error.domain.unknown";
        }
        await administration.RemoveDomainAsync(tenantId, host, cancellationToken);
        await audit.RecordAsync(town, "support.domain.removed", host, reason!.Trim(), cancellationToken);
        return null;
    }

    public async Task<string?> VerifyDomainAsync(Guid tenantId, string? host, string? reason, CancellationToken cancellationToken)
    {
        if (registry.Find(tenantId) is not { } town)
        {
            return "support.error.town.unknown";
        }
        if (CheckReason(reason) is { } problem)
        {
            return problem;
        }
        if (string.IsNullOrEmpty(host) || registry.FindEntry(tenantId)?.Domains.Any(d => d.Host == host && !d.Verified) != true)
        {
            return "support.error.domain.unknown";
        }
        await administration.VerifyDomainAsync(tenantId, host, cancellationToken);
        await audit.RecordAsync(town, "support.domain.verified", host, reason!.Trim(), cancellationToken);
        return null;
    }
}
