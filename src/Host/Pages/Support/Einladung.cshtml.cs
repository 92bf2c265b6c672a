using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Saas.Host.Accounts;
using Saas.Host.Support.Team;

namespace Saas.Host.Pages.Support;

/// <summary>An invited engineer sets a password; the authenticator follows at the first sign-in.</summary>
internal sealed class EinladungModel(SupportTeam team) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "token")]
    public string? Token { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? Repeat { get; set; }

    public PlatformStaff? Invited { get; private set; }
    public IReadOnlyList<string> Problems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        Invited = await team.FindInvitedAsync(Token);
        if (Invited is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Invited = await team.FindInvitedAsync(Token);
        if (Invited is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        if (string.IsNullOrEmpty(Password) || Password != Repeat)
        {
            Problems = [string.IsNullOrEmpty(Password) ? "support.invitation.error.missing" : "support.invitation.error.repeat"];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var result = await team.AcceptAsync(Invited, Password);
        if (!result.Succeeded)
        {
            // Identity's own (localised) descriptions: too short, too long, a breached password.
            Problems = result.Errors.Select(e => e.Description).ToList();
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        return LocalRedirect("/support/anmelden?eingerichtet=1");
    }
}
