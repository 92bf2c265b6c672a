using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Saas.Host.Admin;
using Saas.Host.Audit;
using Saas.Kernel.Security;

namespace Saas.Host.Pages.Admin.Protokoll;

/// <summary>The town's audit log, newest first, paged, filterable by who acted (staff, support, residents, the system).</summary>
[Authorize(Policy = Policies.TenantAdmin)]
internal sealed class AuditLogModel(AuditDbContext db, AuditTexts texts, TownClock clock) : PageModel
{
    public const int PageSize = 25;
    public static readonly IReadOnlyList<string> Kinds = ["staff", "support", "resident", "system"];

    [FromQuery(Name = "art")]
    public string? Kind { get; set; }

    [FromQuery(Name = "seite")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];
    public bool HasNext { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Kind is not null && !Kinds.Contains(Kind))
        {
            Kind = null;
        }
        PageNumber = Math.Clamp(PageNumber, 1, 10_000);
        var query = db.Entries.AsNoTracking();
        if (Kind is not null)
        {
            query = query.Where(e => e.ActorKind == Kind);
        }
        // One row more than a page tells whether a next page exists, without counting the whole log.
        var rows = await query.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize + 1).ToListAsync(cancellationToken);
        HasNext = rows.Count > PageSize;
        Entries = rows.Take(PageSize).ToList();
        return Page();
    }

    public string Action(AuditEntry entry) => texts.Action(entry.Action);

    public string Local(DateTime utc) => clock.Format(utc);

    public string PageLink(int page) => $"/admin/protokoll?{(Kind is null ? "" : $"art={Kind}&")}seite={page}";
}
