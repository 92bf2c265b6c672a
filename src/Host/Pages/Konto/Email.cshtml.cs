using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Saas.Host.Accounts;
using Saas.Host.Accounts.Residents;
using Saas.Kernel.Localization;
using Saas.Kernel.Security;

namespace Saas.Host.Pages.Konto;

/// <summary>Asks for a new e-mail address (with the password); it changes only when the link sent there is opened.</summary>
[Authorize(Policy = Policies.Resident)]
internal sealed class EmailModel(ResidentSession session, UserManager<Account> users, EmailChange change, Texts texts) : PageModel
{
    [BindProperty]
    public string? NewEmail { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public string CurrentEmail { get; private set; } = "";

    public string? SentTo { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await session.AccountAsync() is not { } account)
        {
            return Challenge();
        }
        CurrentEmail = account.Email;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await session.AccountAsync() is not { } account)
        {
            return Challenge();
        }
        ModelState.Clear();
        CurrentEmail = account.Email;
        if (session.IsSupportAccess)
        {
            ModelState.AddModelError("", texts["konto.error.support"]);
            return Page();
        }
        var email = AccountForm.Email(ModelState, texts, nameof(NewEmail), NewEmail);
        if (email is not null && users.NormalizeEmail(email) == account.NormalizedEmail)
        {
            ModelState.AddModelError(nameof(NewEmail), texts["konto.error.email.same"]);
        }
        if (string.IsNullOrEmpty(Password) || Password.Length > FormLimits.Password)
        {
            ModelState.AddModelError(nameof(Password), texts["konto.error.password.current"]);
        }
        if (!ModelState.IsValid || email is null)
        {
            return Page();
        }
        if (await users.IsLockedOutAsync(account))
        {
            ModelState.AddModelError("", texts["konto.signin.locked"]);
            return Page();
        }
        if (!await users.CheckPasswordAsync(account, Password!))
        {
            await users.AccessFailedAsync(account);
            ModelState.AddModelError(nameof(Password), texts["konto.error.password.wrong"]);
            return Page();
        }
        await change.RequestAsync(account, email);
        SentTo = email;
        return Page();
    }
}
