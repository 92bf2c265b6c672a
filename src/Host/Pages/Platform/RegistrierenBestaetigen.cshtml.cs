using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Saas.Host.Signup;
using Saas.Host.Tenancy;

namespace Saas.Host.Pages.Platform;

/// <summary>
/// The mailed link. Opening it changes nothing (mail scanners open links); the button confirms
/// and provisions, and the answer is the live town with the way into its admin area.
/// </summary>
internal sealed class SignupConfirmModel(SignupService signups, SignupProvisioner provisioner, TenantRegistry registry) : PageModel
{
    [FromRoute] public Guid Id { get; set; }
    [FromQuery(Name = "token")] public string? Token { get; set; }

    public SignupRow? Signup { get; private set; }
    public ProvisioningResult? Result { get; private set; }

    /// <summary>The town's address once it is live, e.g. https://goerzke.rathausplatz.de</summary>
    public string? TownUrl { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        Signup = await signups.FindAsync(Id, Token, cancellationToken);
        if (Signup is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        if (Signup.ProvisionedAt is not null)
        {
            Result = ProvisioningResult.Live;
            TownUrl = UrlOf(Signup.Slug);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        Signup = await signups.FindAsync(Id, Token, cancellationToken);
        if (Signup is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        await signups.ConfirmAsync(Signup, cancellationToken);
        Result = await provisioner.ProvisionAsync(Signup.Id, cancellationToken);
        if (Result == ProvisioningResult.Live)
        {
            TownUrl = UrlOf(Signup.Slug);
        }
        else if (Result == ProvisioningResult.SlugTaken)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
        }
        return Page();
    }

    private string? UrlOf(string slug) =>
        registry.FindBySlug(slug) is { } town ? $"{Request.Scheme}://{town.PrimaryHost}{(Request.Host.Port is { } port ? $":{port}" : "")}" : null;
}
