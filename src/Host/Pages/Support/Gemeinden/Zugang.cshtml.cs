using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Saas.Host.Accounts;
using Saas.Host.Support;
using Saas.Host.Support.Access;
using SupportAccess = Saas.Host.Support.Access.SupportAccess;
using Saas.Host.Support.Towns;
using Saas.Host.Tenancy;
using Saas.Host.Web;
using Saas.Kernel.Tenancy;

namespace Saas.Host.Pages.Support.Gemeinden;

/// <summary>
/// Starts support access to a town: the reason is required; the grant (30 minutes) is recorded in
/// the town's audit log, and the browser goes to the town's own host with a single-use token.
/// </summary>
internal sealed class ZugangModel(TenantRegistry registry, SupportAccess access, SupportAccessToken tokens, SupportAudit audit) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public TenantSnapshot Town { get; private set; } = null!;
    public string? Problem { get; private set; }

    public IActionResult OnGet()
    {
        if (registry.Find(Id) is not { } town)
        {
            return NotFound();
        }
        Town = town;
        FormActionPolicy.Allow(Response, FormActionPolicy.OriginOf(Request, town.PrimaryHost));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (registry.Find(Id) is not { } town)
        {
            return NotFound();
        }
        Town = town;
        Problem = town.State != TenantState.Active ? "support.access.error.state" : TownActions.CheckReason(Reason);
        if (Problem is not null || User.AccountId() is not { } staffId)
        {
            Problem ??= "support.error.town.unknown";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            FormActionPolicy.Allow(Response, FormActionPolicy.OriginOf(Request, town.PrimaryHost));
            return Page();
        }
        var reason = Reason!.Trim();
        var name = User.FindFirstValue(ClaimTypes.Name) ?? "Support";
        var grant = await access.GrantAsync(town.Id, staffId, name, reason, cancellationToken);
        await audit.RecordAsync(town, "support.access.granted", name, reason, cancellationToken);
        var token = Uri.EscapeDataString(tokens.Create(grant.Id, town.Id));
        return Redirect($"{FormActionPolicy.OriginOf(Request, town.PrimaryHost)}/admin/support-zugang?token={token}");
    }
}
