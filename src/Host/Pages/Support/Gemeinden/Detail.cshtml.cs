using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Saas.Host.Support.Access;
using SupportAccess = Saas.Host.Support.Access.SupportAccess;
using Saas.Host.Support.Diagnostics;
using Saas.Host.Support.Towns;
using Saas.Host.Tenancy;
using Saas.Kernel.Modules;
using Saas.Kernel.Tenancy;

namespace Saas.Host.Pages.Support.Gemeinden;

/// <summary>
/// One town: registry data, figures, state, features, domains, support access, recent errors and
/// jobs. Every change needs a reason and is written to the town's own audit log.
/// </summary>
internal sealed class DetailModel(
    TenantRegistry registry,
    RegistryStore store,
    TownFiguresCache figures,
    TownActions actions,
    SupportAccess access,
    RecentErrors errors,
    RecentJobs jobs,
    IEnumerable<IModule> modules,
    TimeProvider clock) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true, Name = "erledigt")]
    public string? Done { get; set; }

    [BindProperty(SupportsGet = true, Name = "zugang")]
    public string? AccessEnded { get; set; }

    public TenantSnapshot Town { get; private set; } = null!;
    public IReadOnlyList<DomainEntry> Domains { get; private set; } = [];
    public DateTime? CreatedAt { get; private set; }
    public TownFigures Figures { get; private set; } = null!;
    public IReadOnlyList<SupportGrant> Grants { get; private set; } = [];
    public IReadOnlyList<RecentError> Errors { get; private set; } = [];
    public IReadOnlyList<RecentJob> Jobs { get; private set; } = [];
    public IReadOnlyList<IModule> Modules { get; } = modules.ToList();
    public DateTime Now { get; private set; }

    /// <summary>Which form failed (its problem is shown next to it) and with what text key.</summary>
    public string? FailedForm { get; private set; }
    public string? Problem { get; private set; }

    public IEnumerable<string> AllowedStateChanges =>
        TownActions.StateChanges.Where(c => c.Value.From.Contains(Town.State)).Select(c => c.Key);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostStateAsync(string? change, string? reason, CancellationToken cancellationToken) =>
        ActAsync("state", () => actions.ChangeStateAsync(Id, change ?? "", reason, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostFeatureAsync(string? feature, bool enable, string? reason, CancellationToken cancellationToken) =>
        ActAsync("feature", () => actions.SetFeatureAsync(Id, feature ?? "", enable, reason, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostAddDomainAsync(string? host, string? kind, bool verified, string? reason, CancellationToken cancellationToken) =>
        ActAsync("add-domain", () => actions.AddDomainAsync(Id, host, kind ?? "", verified, reason, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostDomainAsync(string? host, string? step, string? reason, CancellationToken cancellationToken) =>
        ActAsync("domain", () => step == "verify"
            ? actions.VerifyDomainAsync(Id, host, reason, cancellationToken)
            : actions.RemoveDomainAsync(Id, host, reason, cancellationToken), cancellationToken);

    private async Task<IActionResult> ActAsync(string form, Func<Task<string?>> action, CancellationToken cancellationToken)
    {
        if (registry.Find(Id) is null)
        {
            return NotFound();
        }
        var problem = await action();
        if (problem is null)
        {
            return LocalRedirect($"/support/gemeinden/{Id}?erledigt={form}");
        }
        FailedForm = form;
        Problem = problem;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (registry.FindEntry(Id) is not { } entry)
        {
            return false;
        }
        Town = entry.Snapshot;
        Domains = entry.Domains;
        CreatedAt = (await store.LoadCreatedAsync(cancellationToken)).GetValueOrDefault(Id);
        Figures = await figures.ReadAsync(Town, cancellationToken);
        Grants = await access.RecentAsync(Id, 10, cancellationToken);
        Errors = errors.For(Id);
        Jobs = jobs.For(Id, 20);
        Now = clock.GetUtcNow().UtcDateTime;
        return true;
    }

    public string PlatformHost => registry.PlatformSubdomain(Town.Slug);

    public string? ProblemFor(string form) => FailedForm == form ? Problem : null;

    public string TownUrl => $"{Request.Scheme}://{Town.PrimaryHost}{(Request.Host.Port is { } p ? $":{p}" : "")}/";
}
