using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Saas.Host.Accounts;
using Saas.Host.Admin;
using Saas.Kernel.Audit;
using Saas.Kernel.Localization;
using Saas.Kernel.Security;

namespace Saas.Host.Pages.Admin.Anmelden;

/// <summary>
/// The invitation link: the invited person sets a password (the e-mail is confirmed by the link) and
/// then signs in, enrolling the authenticator. Expired, replayed, foreign or tampered links show one
/// clear message and change nothing.
/// </summary>
internal sealed class AcceptInvitationModel(UserManager<Account> users, InvitationTokens invitations, IAuditLog audit, Texts texts) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "konto")]
    public Guid AccountId { get; set; }

    [BindProperty(SupportsGet = true, Name = "code")]
    public string? Code { get; set; }

    [BindProperty] public string Password { get; set; } = "";
    [BindProperty] public string Confirm { get; set; } = "";

    public string? Problem { get; private set; }
    public string? Name { get; private set; }
    public string? Email { get; private set; }
    public List<string> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        await CheckAsync();
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await CheckAsync() is not { } account)
        {
            return Page();
        }
        if (Password != Confirm)
        {
            Errors.Add(texts["admin.invite.accept.mismatch"]);
            return Page();
        }
        // Identity runs the password rules (length, breached list) and changes the stamp: the link is spent.
        var result = await users.AddPasswordAsync(account, Password);
        if (!result.Succeeded)
        {
            Errors.AddRange(result.Errors.Select(e => e.Description));
            return Page();
        }
        account.EmailConfirmed = true;
        await users.UpdateAsync(account);
        await audit.RecordAsync("admin.users.invitationAccepted", account.Email);
        return LocalRedirect("/admin/anmelden?hinweis=passwort-gesetzt");
    }

    private async Task<Account?> CheckAsync()
    {
        var account = AccountId == Guid.Empty ? null : await users.FindByIdAsync(AccountId.ToString());
        var check = account is null || !Roles.IsStaff(account.Role) ? InvitationCheck.Invalid : invitations.Check(account, Code);
        Problem = check switch
        {
            InvitationCheck.Valid => null,
            InvitationCheck.Expired => "admin.invite.accept.expired",
            InvitationCheck.Used => "admin.invite.accept.used",
            _ => "admin.invite.accept.invalid",
        };
        if (Problem is not null)
        {
            return null;
        }
        Name = account!.DisplayName;
        Email = account.Email;
        return account;
    }
}
