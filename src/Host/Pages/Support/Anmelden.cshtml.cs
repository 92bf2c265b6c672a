using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Saas.Host.Accounts;
using SignInResult = Saas.Host.Accounts.SignInResult;
using Saas.Kernel.Security;

namespace Saas.Host.Pages.Support;

/// <summary>Support sign-in, step 1: e-mail and password. The second factor always follows.</summary>
internal sealed class AnmeldenModel(SignInFlow<PlatformStaff> flow) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true, Name = "zurueck")]
    public string? Back { get; set; }

    public string? Problem { get; private set; }

    public IActionResult OnGet() =>
        User.HasClaim(AccountClaims.Amr, AccountClaims.MultiFactor) && (User.IsInRole(Roles.Support) || User.IsInRole(Roles.SupportAdmin))
            ? LocalRedirect(SupportSignIn.Target(Back))
            : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Email) || string.IsNullOrEmpty(Password))
        {
            Problem = "support.signin.error.missing";
            return Page();
        }
        var outcome = await flow.PasswordAsync(SignInArea.Support, Email, Password);
        var back = Uri.EscapeDataString(SupportSignIn.Target(Back));
        return outcome.Result switch
        {
            SignInResult.NeedsSecondFactor => LocalRedirect($"/support/anmelden/code?zurueck={back}"),
            SignInResult.NeedsEnrolment => LocalRedirect($"/support/anmelden/einrichten?zurueck={back}"),
            _ => Fail(outcome),
        };
    }

    private PageResult Fail(SignInOutcome outcome)
    {
        Problem = SupportSignIn.Problem(this, outcome);
        Password = null;
        return Page();
    }
}
