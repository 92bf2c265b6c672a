using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Saas.Host.Accounts;
using Saas.Host.Admin;
using Saas.Kernel.Localization;
using Saas.Kernel.Security;

namespace Saas.Host.Pages.Admin.Benutzer;

/// <summary>The town's staff: roles, disabling, open invitations; the number of residents (not their data); what each role may do.</summary>
[Authorize(Policy = Policies.TenantAdmin)]
internal sealed class UsersModel(StaffAdministration staff, AdminPermissions permissions, TownClock clock, Texts texts) : PageModel
{
    public IReadOnlyList<Account> Staff { get; private set; } = [];
    public int Residents { get; private set; }
    public string? Message { get; private set; }
    public string? Error { get; private set; }
    public AdminPermissions Permissions => permissions;

    [FromQuery(Name = "hinweis")]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Message = Notice switch
        {
            "eingeladen" => texts["admin.users.invited"],
            "mailfehler" => texts["admin.users.error.mailAfterCreate"],
            _ => null,
        };
        await LoadAsync(cancellationToken);
    }

    public Task<IActionResult> OnPostRoleAsync(Guid id, string role, CancellationToken cancellationToken) =>
        RespondAsync(staff.ChangeRoleAsync(User, id, role, cancellationToken), "admin.users.roleChanged", cancellationToken);

    public Task<IActionResult> OnPostDisableAsync(Guid id, CancellationToken cancellationToken) =>
        RespondAsync(staff.SetDisabledAsync(User, id, disabled: true, cancellationToken), "admin.users.disabledDone", cancellationToken);

    public Task<IActionResult> OnPostEnableAsync(Guid id, CancellationToken cancellationToken) =>
        RespondAsync(staff.SetDisabledAsync(User, id, disabled: false, cancellationToken), "admin.users.enabledDone", cancellationToken);

    public Task<IActionResult> OnPostResendAsync(Guid id, CancellationToken cancellationToken) =>
        RespondAsync(staff.ResendAsync(id, new Uri($"{Request.Scheme}://{Request.Host}"), cancellationToken), "admin.users.resent", cancellationToken);

    public bool IsSelf(Account account) => User.AccountId() == account.Id;

    public string Local(DateTime? utc) => utc is { } value ? clock.Format(value) : texts["admin.users.never"];

    private async Task<IActionResult> RespondAsync(Task<StaffResult> change, string doneKey, CancellationToken cancellationToken)
    {
        var result = await change;
        if (result.Succeeded)
        {
            Message = texts.Format(doneKey, result.Account!.DisplayName);
        }
        else
        {
            Error = texts.Format(result.ErrorKey!, result.Account?.DisplayName ?? "");
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Staff = await staff.StaffAsync(cancellationToken);
        Residents = await staff.ResidentCountAsync(cancellationToken);
    }
}
