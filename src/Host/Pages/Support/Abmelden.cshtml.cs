using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Saas.Host.Accounts;

namespace Saas.Host.Pages.Support;

/// <summary>Signing out ends every session of the account (new security stamp), not just this one.</summary>
internal sealed class AbmeldenModel(SignInFlow<PlatformStaff> flow) : PageModel
{
    public IActionResult OnGet() => LocalRedirect(SupportSignIn.Home);

    public async Task<IActionResult> OnPostAsync()
    {
        await flow.SignOutEverywhereAsync(SignInArea.Support);
        return LocalRedirect("/support/anmelden");
    }
}
