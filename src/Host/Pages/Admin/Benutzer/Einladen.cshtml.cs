using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Saas.Host.Admin;
using Saas.Kernel.Localization;
using Saas.Kernel.Security;

namespace Saas.Host.Pages.Admin.Benutzer;

/// <summary>Invites a member of staff: an account with the role and no password, and a mail with a 72-hour link to set one.</summary>
[Authorize(Policy = Policies.TenantAdmin)]
internal sealed partial class InviteModel(StaffAdministration staff, Texts texts) : PageModel
{
    [BindProperty] public string Email { get; set; } = "";
    [BindProperty] public string Name { get; set; } = "";
    [BindProperty] public string Role { get; set; } = Roles.Editor;

    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Email = Email.Trim();
        Name = Name.Trim();
        if (Email.Length is 0 or > 254 || !EmailPattern().IsMatch(Email))
        {
            Errors["email"] = texts["admin.users.error.email"];
        }
        if (Name.Length is 0 or > 120)
        {
            Errors["name"] = texts["admin.users.error.name"];
        }
        if (!Roles.IsStaff(Role))
        {
            Errors["role"] = texts["admin.users.error.role"];
        }
        if (Errors.Count > 0)
        {
            return Page();
        }
        var result = await staff.InviteAsync(Email, Name, Role, new Uri($"{Request.Scheme}://{Request.Host}"), cancellationToken);
        if (result.ErrorKey is "admin.users.error.mail")
        {
            // The account exists; the list offers "send again".
            return LocalRedirect("/admin/benutzer?hinweis=mailfehler");
        }
        if (!result.Succeeded)
        {
            Errors["email"] = texts[result.ErrorKey!];
            return Page();
        }
        return LocalRedirect("/admin/benutzer?hinweis=eingeladen");
    }

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();
}
