using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Saas.Host.Accounts;
using SignInResult = Saas.Host.Accounts.SignInResult;

namespace Saas.Host.Pages.Support;

/// <summary>Support sign-in, step 2: the authenticator code (accepted once only) or a recovery code.</summary>
internal sealed class CodeModel(SignInFlow<PlatformStaff> flow) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public bool IsRecoveryCode { get; set; }

    [BindProperty(SupportsGet = true, Name = "zurueck")]
    public string? Back { get; set; }

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await flow.PendingAsync(SignInArea.Support) switch
    {
        null => LocalRedirect("/support/anmelden"),
        (_, SecondFactorStage.Enrol) => LocalRedirect("/support/anmelden/einrichten"),
        _ => Page(),
    };

    public async Task<IActionResult> OnPostAsync()
    {
        if (await flow.PendingAsync(SignInArea.Support) is null)
        {
            return LocalRedirect("/support/anmelden");
        }
        if (string.IsNullOrWhiteSpace(Code))
        {
            Problem = "support.code.error.missing";
            return Page();
        }
        var outcome = await flow.SecondFactorAsync(SignInArea.Support, Code, IsRecoveryCode, TotpSecrets.SupportProvider);
        if (outcome.Result == SignInResult.SignedIn)
        {
            return LocalRedirect(SupportSignIn.Target(Back));
        }
        Problem = outcome.Result == SignInResult.Failed ? "support.code.error.failed" : SupportSignIn.Problem(this, outcome);
        Code = null;
        return Page();
    }
}
