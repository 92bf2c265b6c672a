using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Saas.Host.Accounts;
using Saas.Host.Accounts.Privacy;
using Saas.Host.Accounts.Residents;
using Saas.Kernel.Localization;
using Saas.Kernel.Security;

namespace Saas.Host.Pages.Konto;

/// <summary>
/// GDPR: download everything the town holds about the resident, or delete the account. Deleting
/// takes the password again. Staff accounts are removed by the town's administrators instead: a
/// town must not lose its last administrator to one click.
/// </summary>
[Authorize(Policy = Policies.Resident)]
internal sealed class DatenModel(ResidentSession session, UserManager<Account> users, PersonalDataExport export, AccountDeletion deletion, Texts texts) : PageModel
{
    [BindProperty]
    public string? Password { get; set; }

    public bool IsStaff { get; private set; }

    public bool SupportAccess => session.IsSupportAccess;

    public async Task<IActionResult> OnGetAsync()
    {
        if (await session.AccountAsync() is not { } account)
        {
            return Challenge();
        }
        IsStaff = Roles.IsStaff(account.Role);
        return Page();
    }

    public async Task<IActionResult> OnPostExportAsync(CancellationToken cancellationToken)
    {
        if (await session.AccountAsync() is not { } account)
        {
            return Challenge();
        }
        var archive = await export.CreateAsync(account, cancellationToken);
        // Personal data must not linger in a shared browser's or a proxy's cache.
        Response.Headers.CacheControl = "no-store";
        return File(archive, "application/zip", export.FileName());
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken cancellationToken)
    {
        if (await session.AccountAsync() is not { } account)
        {
            return Challenge();
        }
        ModelState.Clear();
        IsStaff = Roles.IsStaff(account.Role);
        if (IsStaff || SupportAccess)
        {
            ModelState.AddModelError("", texts[SupportAccess ? "konto.error.support" : "konto.delete.staff"]);
            return Page();
        }
        if (string.IsNullOrEmpty(Password) || Password.Length > FormLimits.Password)
        {
            ModelState.AddModelError(nameof(Password), texts["konto.error.password.current"]);
            return Page();
        }
        if (await users.IsLockedOutAsync(account))
        {
            ModelState.AddModelError("", texts["konto.signin.locked"]);
            return Page();
        }
        if (!await users.CheckPasswordAsync(account, Password))
        {
            await users.AccessFailedAsync(account);
            ModelState.AddModelError(nameof(Password), texts["konto.error.password.wrong"]);
            return Page();
        }
        if (!await deletion.DeleteAsync(account, cancellationToken))
        {
            ModelState.AddModelError("", texts["konto.error.retry"]);
            return Page();
        }
        await HttpContext.SignOutAsync(AccountSchemes.Town);
        return Redirect("/konto/geloescht");
    }
}
