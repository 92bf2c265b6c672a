using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Saas.Host.Accounts.Residents;

namespace Saas.Host.Pages.Konto;

/// <summary>The link sent to a new e-mail address: the address changes now, and every session ends.</summary>
[AllowAnonymous]
internal sealed class EmailBestaetigenModel(EmailChange change) : PageModel
{
    [FromQuery(Name = "konto")]
    public string? AccountId { get; set; }

    [FromQuery(Name = "adresse")]
    public string? NewEmail { get; set; }

    [FromQuery(Name = "code")]
    public string? Code { get; set; }

    public EmailChangeOutcome Outcome { get; private set; }

    public async Task OnGetAsync() => Outcome = await change.ConfirmAsync(AccountId, NewEmail, Code);
}
