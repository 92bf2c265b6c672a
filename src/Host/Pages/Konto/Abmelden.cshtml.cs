using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Saas.Host.Accounts;

namespace Saas.Host.Pages.Konto;

/// <summary>Sign-out ends every session of the account (all devices), not only this browser's.</summary>
[AllowAnonymous]
internal sealed class AbmeldenModel(SignInFlow<Account> flow) : PageModel
{
    public IActionResult OnGet() =>
        User.Identity?.IsAuthenticated == true ? Page() : Redirect("/konto/anmelden");

    public async Task<IActionResult> OnPostAsync()
    {
        await flow.SignOutEverywhereAsync(SignInArea.Residents);
        return Redirect("/konto/anmelden?hinweis=abgemeldet");
    }
}
