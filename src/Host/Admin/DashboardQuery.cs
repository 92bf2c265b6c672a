using Microsoft.EntityFrameworkCore;
using Saas.Host.Accounts;
using Saas.Host.Audit;
using Saas.Kernel.Modules;
using Saas.Kernel.Security;
using Saas.Kernel.Tenancy;

namespace Saas.Host.Admin;

/// <summary>The town's figures for the staff dashboard: the core ones, and what enabled modules contribute.</summary>
internal sealed class DashboardQuery(AccountsDbContext accounts, AuditDbContext audit, IEnumerable<IModule> modules, ITenantContext tenant, IServiceProvider services)
{
    public const int RecentChanges = 8;

    /// <param name="mayManageUsers">Whether the staff figure links to the user list (TenantAdmins only).</param>
    public async Task<IReadOnlyList<DashboardFigure>> FiguresAsync(bool mayManageUsers, CancellationToken cancellationToken)
    {
        var residents = await accounts.Accounts.CountAsync(a => a.Role == Roles.Resident && a.DisabledAt == null, cancellationToken);
        var staff = await accounts.Accounts.CountAsync(a => (a.Role == Roles.Editor || a.Role == Roles.TenantAdmin) && a.DisabledAt == null, cancellationToken);
        List<DashboardFigure> figures =
        [
            new("admin.dashboard.residents", residents),
            new("admin.dashboard.staff", staff, mayManageUsers ? "/admin/benutzer" : null),
        ];
        foreach (var module in modules.Where(m => m.DashboardFigures is not null && tenant.Current!.HasFeature(m.FeatureKey)))
        {
            var contributor = (IDashboardFigures)services.GetRequiredService(module.DashboardFigures!);
            figures.AddRange(await contributor.GetAsync(cancellationToken));
        }
        return figures;
    }

    public async Task<IReadOnlyList<AuditEntry>> RecentAsync(CancellationToken cancellationToken) =>
        await audit.Entries.AsNoTracking().OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(RecentChanges).ToListAsync(cancellationToken);
}
