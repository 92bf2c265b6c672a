using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Saas.Host.Accounts;
using Saas.Kernel.Audit;

namespace Saas.Host.Pages.Admin.Anmelden;

/// <summary>Signing out ends this and every other staff session of the account (new security stamp).</summary>
internal sealed class SignOutModel(SignInFlow<Account> flow, IAuditLog audit) : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/admin");

    public async Task<IActionResult> OnPostAsync()
    {
        if (SignInSteps.IsStaff(User))
        {
            await audit.RecordAsync("admin.signedOut", User.Identity!.Name);
            await flow.SignOutEverywhereAsync(SignInArea.TownStaff);
        }
        // A half-finished sign-in goes too.
        await HttpContext.SignOutAsync(AccountSchemes.StaffTwoFactor);
        return LocalRedirect("/admin/anmelden?hinweis=abgemeldet");
    }
}
