using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Saas.Host.Accounts;
using Saas.Host.Accounts.Residents;
using Saas.Kernel.Localization;
using Saas.Kernel.Security;

namespace Saas.Host.Pages.Konto;

/// <summary>
/// A new password, with the current one. Every other session of the account ends; this browser
/// continues with a fresh ticket. A wrong current password counts as a failed sign-in (lockout),
/// so a stolen session cannot be used to guess it.
/// </summary>
[Authorize(Policy = Policies.Resident)]
internal sealed class PasswortModel(ResidentSession session, UserManager<Account> users, ResidentMails mails, Texts texts) : PageModel
{
    [BindProperty]
    public string? CurrentPassword { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    public bool Changed { get; private set; }

    public bool SupportAccess => session.IsSupportAccess;

    public void OnGet() => Changed = Request.Query.ContainsKey("geaendert");

    public async Task<IActionResult> OnPostAsync()
    {
        if (await session.AccountAsync() is not { } account)
        {
            return Challenge();
        }
        ModelState.Clear();
        if (SupportAccess)
        {
            ModelState.AddModelError("", texts["konto.error.support"]);
            return Page();
        }
        if (string.IsNullOrEmpty(CurrentPassword) || CurrentPassword.Length > FormLimits.Password)
        {
            ModelState.AddModelError(nameof(CurrentPassword), texts["konto.error.password.current"]);
        }
        var password = AccountForm.NewPassword(ModelState, texts, nameof(NewPassword), NewPassword);
        if (!ModelState.IsValid || password is null)
        {
            return Page();
        }
        if (await users.IsLockedOutAsync(account))
        {
            ModelState.AddModelError("", texts["konto.signin.locked"]);
            return Page();
        }
        var result = await users.ChangePasswordAsync(account, CurrentPassword!, password);
        if (!result.Succeeded)
        {
            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
            {
                await users.AccessFailedAsync(account);
                ModelState.AddModelError(nameof(CurrentPassword), texts["konto.error.password.wrong"]);
            }
            else
            {
                AccountForm.Add(ModelState, nameof(NewPassword), result.Errors);
            }
            return Page();
        }
        await session.RenewAsync(account, reauthenticated: true);
        mails.PasswordChanged(account);
        return Redirect("/konto/passwort?geaendert=1");
    }
}
