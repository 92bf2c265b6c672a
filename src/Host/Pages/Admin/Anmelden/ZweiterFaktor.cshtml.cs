using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Saas.Host.Accounts;
using SignInResult = Saas.Host.Accounts.SignInResult;
using Saas.Kernel.Localization;

namespace Saas.Host.Pages.Admin.Anmelden;

/// <summary>
/// Staff sign-in, step two: a code from the authenticator app (six digits, good once) or one of the
/// recovery codes. A code that was already used gets its own message: the person is not wrong, the
/// app just has not moved on to the next code yet.
/// </summary>
internal sealed class SecondFactorModel(SignInFlow<Account> flow, TotpSecrets secrets, TimeProvider clock, Texts texts) : PageModel
{
    [BindProperty]
    public string Code { get; set; } = "";

    [FromQuery(Name = "zurueck")]
    public string? ReturnTo { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        await flow.PendingAsync(SignInArea.TownStaff) is (_, SecondFactorStage.Verify) ? Page() : Restart();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await flow.PendingAsync(SignInArea.TownStaff) is not ({ } user, SecondFactorStage.Verify))
        {
            return Restart();
        }
        var code = Code.Trim();
        if (code.Length == 0)
        {
            Error = texts["admin.twoFactor.missing"];
            return Page();
        }
        var isTotp = code.Replace(" ", "", StringComparison.Ordinal).All(char.IsAsciiDigit);
        // Looked at before the attempt: a successful attempt would move the replay guard on.
        var reused = isTotp && WasUsedBefore(user, code);
        var outcome = await flow.SecondFactorAsync(SignInArea.TownStaff, code, isRecoveryCode: !isTotp, TotpSecrets.TownProvider);
        switch (outcome.Result)
        {
            case SignInResult.SignedIn:
                return LocalRedirect(ReturnPath.Safe(ReturnTo));
            case SignInResult.Throttled:
                Error = texts.Format("admin.signIn.throttled", SignInSteps.Throttle(this, outcome.RetryAfter));
                return Page();
            case SignInResult.LockedOut:
                Error = texts["admin.signIn.lockedOut"];
                return Page();
            default:
                Error = texts[reused ? "admin.twoFactor.reused" : isTotp ? "admin.twoFactor.wrong" : "admin.twoFactor.wrongRecovery"];
                return Page();
        }
    }

    private bool WasUsedBefore(Account user, string code) =>
        user.AuthenticatorKey is { } key
        && Totp.MatchingStep(Base32.Decode(secrets.Reveal(key)), code, clock.GetUtcNow()) is { } step
        && step <= user.LastTotpStep;

    private RedirectResult Restart() => Redirect("/admin/anmelden" + ReturnPath.Query(ReturnTo));
}
