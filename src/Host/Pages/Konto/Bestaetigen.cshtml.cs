using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Saas.Host.Accounts.Residents;

namespace Saas.Host.Pages.Konto;

/// <summary>The confirmation link from the registration mail.</summary>
[AllowAnonymous]
internal sealed class BestaetigenModel(Registration registration) : PageModel
{
    [FromQuery(Name = "konto")]
    public string? AccountId { get; set; }

    [FromQuery(Name = "code")]
    public string? Code { get; set; }

    public LinkOutcome Outcome { get; private set; }

    public async Task OnGetAsync() => Outcome = await registration.ConfirmAsync(AccountId, Code);
}
