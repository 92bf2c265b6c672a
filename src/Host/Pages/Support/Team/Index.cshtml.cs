using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Saas.Host.Accounts;
using Saas.Host.Support.Team;

namespace Saas.Host.Pages.Support.Team;

/// <summary>The support team (SupportAdmins only): invite, change roles, disable and enable.</summary>
internal sealed class IndexModel(SupportTeam team, ILogger<IndexModel> logger) : PageModel
{
    public IReadOnlyList<PlatformStaff> Members { get; private set; } = [];
    public string? Problem { get; private set; }
    public string? InvitationLink { get; private set; }
    public string? InvitedEmail { get; private set; }

    [BindProperty(SupportsGet = true, Name = "erledigt")]
    public bool Done { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Members = await team.ListAsync(cancellationToken);

    public async Task<IActionResult> OnPostInviteAsync(string? email, string? name, string? role, CancellationToken cancellationToken)
    {
        var (token, problem) = await team.InviteAsync(email, name, role);
        if (problem is null)
        {
            InvitedEmail = email?.Trim();
            InvitationLink = $"{Request.Scheme}://{Request.Host}/support/einladung?token={Uri.EscapeDataString(token!)}";
            logger.LogInformation("Support account {Email} invited by {Actor}", InvitedEmail, User.Identity?.Name);
        }
        return await ShowAsync(problem, cancellationToken);
    }

    public async Task<IActionResult> OnPostRoleAsync(Guid id, string? role, CancellationToken cancellationToken) =>
        await AfterAsync(await team.SetRoleAsync(User.AccountId() ?? Guid.Empty, id, role), cancellationToken);

    public async Task<IActionResult> OnPostDisableAsync(Guid id, bool disable, CancellationToken cancellationToken) =>
        await AfterAsync(await team.SetDisabledAsync(User.AccountId() ?? Guid.Empty, id, disable), cancellationToken);

    private async Task<IActionResult> AfterAsync(string? problem, CancellationToken cancellationToken) =>
        problem is null ? LocalRedirect("/support/team?erledigt=true") : await ShowAsync(problem, cancellationToken);

    private async Task<IActionResult> ShowAsync(string? problem, CancellationToken cancellationToken)
    {
        Problem = problem;
        if (problem is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        Members = await team.ListAsync(cancellationToken);
        return Page();
    }
}
