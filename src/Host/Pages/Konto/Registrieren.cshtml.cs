using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Saas.Host.Accounts.Residents;
using Saas.Kernel.Localization;

namespace Saas.Host.Pages.Konto;

/// <summary>Registration: the same answer for a new and a known address (see <see cref="Registration"/>).</summary>
[AllowAnonymous]
internal sealed class RegistrierenModel(Registration registration, Texts texts) : PageModel
{
    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    /// <summary>Set once the form went through: the page then says to look in the mailbox.</summary>
    public string? SentTo { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        var name = AccountForm.Name(ModelState, texts, nameof(Name), Name);
        var email = AccountForm.Email(ModelState, texts, nameof(Email), Email);
        var password = AccountForm.NewPassword(ModelState, texts, nameof(Password), Password);
        if (name is null || email is null || password is null)
        {
            return Page();
        }
        var culture = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == Texts.English ? Texts.English : Texts.German;
        var result = await registration.RegisterAsync(name, email, password, culture);
        if (!result.Succeeded)
        {
            AccountForm.Add(ModelState, nameof(Password), result.Errors.Where(e => !IsEmailError(e)));
            AccountForm.Add(ModelState, nameof(Email), result.Errors.Where(IsEmailError));
            return Page();
        }
        SentTo = email;
        return Page();
    }

    private static bool IsEmailError(IdentityError error) =>
        error.Code is nameof(IdentityErrorDescriber.InvalidEmail) or nameof(IdentityErrorDescriber.InvalidUserName);
}
