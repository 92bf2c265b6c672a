using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Saas.Host.Admin;
using Saas.Host.Audit;
using Saas.Kernel.Modules;

namespace Saas.Host.Pages.Admin;

/// <summary>The staff dashboard: the town's figures and the latest changes.</summary>
internal sealed class DashboardModel(DashboardQuery query, FirstSteps firstSteps, AdminPermissions permissions, AuditTexts audit, TownClock clock) : PageModel
{
    /// <summary>The first steps the signed-in role may do; empty once every required one is done.</summary>
    public IReadOnlyList<FirstStep> Steps { get; private set; } = [];

    public IReadOnlyList<DashboardFigure> Figures { get; private set; } = [];
    public IReadOnlyList<AuditEntry> Recent { get; private set; } = [];
    public bool CanSeeLog { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var role = User.FindFirstValue(ClaimTypes.Role);
        Figures = await query.FiguresAsync(permissions.Grants(role, AdminPermissions.Users), cancellationToken);
        Recent = await query.RecentAsync(cancellationToken);
        CanSeeLog = permissions.Grants(role, AdminPermissions.Audit);
        var steps = await firstSteps.ForAsync(role, cancellationToken);
        Steps = steps.Any(s => !s.Done && !s.Optional) ? steps : [];
    }

    public string Describe(AuditEntry entry) => audit.Action(entry.Action);

    public string Local(DateTime utc) => clock.Format(utc);
}
