using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Saas.Host.Accounts;
using Saas.Host.Support.Access;
using Saas.Host.Tenancy;
using Saas.Kernel.Audit;
using Saas.Kernel.Tenancy;

namespace Saas.Host.Pages.SupportZugang;

/// <summary>
/// The town's half of support access, on the town's own host: exchanges the console's single-use,
/// two-minute token for a support session in this town (and only this town), and ends it again
/// with one click from the banner. Start, end and everything in between go to the town's audit log.
/// Anonymous on purpose: the single-use token is the credential, and ending needs the support session.
/// </summary>
/// <remarks>
/// The banner's exit form is on resident pages (whose antiforgery token is bound to the residents'
/// identity) and on /admin pages (bound to the staff session), so the end handler checks the token
/// itself against either identity instead of through the automatic filter, which knows only one.
/// </remarks>
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
[IgnoreAntiforgeryToken]
internal sealed class StartModel(
    Microsoft.AspNetCore.Antiforgery.IAntiforgery antiforgery,
    SupportAccessToken tokens,
    global::Saas.Host.Support.Access.SupportAccess access,
    ITenantContext tenant,
    IAuditLog audit,
    TimeProvider clock,
    IOptions<PlatformOptions> platform) : PageModel
{
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? token, CancellationToken cancellationToken)
    {
        var town = tenant.Current!;
        // A token for another town is refused like a forged one: this host learns nothing about it.
        if (tokens.Read(token) is not { } named || named.TenantId != town.Id)
        {
            return Refuse("support.access.error.invalid");
        }
        if (await access.RedeemAsync(named.GrantId, town.Id, cancellationToken) is not { } grant)
        {
            return Refuse("support.access.error.used");
        }
        var principal = global::Saas.Host.Support.Access.SupportAccess.Principal(grant, clock.GetUtcNow());
        await HttpContext.SignInAsync(AccountSchemes.Staff, principal, new AuthenticationProperties { IsPersistent = false });
        HttpContext.User = principal;
        await audit.RecordAsync("support.access.started", grant.SupportName, $"Grund: {grant.Reason}", cancellationToken);
        return LocalRedirect("/admin");
    }

    /// <summary>"Zugang beenden": ends the grant (so the session is dead on every node) and returns to the console.</summary>
    public async Task<IActionResult> OnPostEndAsync(CancellationToken cancellationToken)
    {
        var town = tenant.Current!;
        var result = await HttpContext.AuthenticateAsync(AccountSchemes.Staff);
        if (!await antiforgery.IsRequestValidAsync(HttpContext))
        {
            if (!result.Succeeded)
            {
                return BadRequest();
            }
            var resident = HttpContext.User;
            HttpContext.User = result.Principal;
            var validForStaff = await antiforgery.IsRequestValidAsync(HttpContext);
            HttpContext.User = resident;
            if (!validForStaff)
            {
                return BadRequest();
            }
        }
        if (result.Succeeded && Guid.TryParse(result.Principal.FindFirst(AccountClaims.SupportSession)?.Value, out var grantId))
        {
            HttpContext.User = result.Principal;
            if (await access.EndAsync(grantId, town.Id, cancellationToken))
            {
                await audit.RecordAsync("support.access.ended", result.Principal.Identity?.Name, null, cancellationToken);
            }
            await HttpContext.SignOutAsync(AccountSchemes.Staff);
            var port = Request.Host.Port is { } p ? $":{p}" : "";
            return Redirect($"{Request.Scheme}://{platform.Value.Domain.ToLowerInvariant()}{port}/support/gemeinden/{town.Id}?zugang=beendet");
        }
        return LocalRedirect("/");
    }

    private PageResult Refuse(string problem)
    {
        Problem = problem;
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Page();
    }
}
