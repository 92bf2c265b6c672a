using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Saas.Host.Accounts;
using Saas.Host.Admin;
using Saas.Kernel.Localization;
using Saas.Kernel.Tenancy;

namespace Saas.Host.Pages.Admin.Anmelden;

/// <summary>
/// Two-factor enrolment for staff who have none yet (first sign-in after an invitation): the secret
/// as QR code and in groups of four, the first code confirms the scan, then the recovery codes once.
/// </summary>
internal sealed class EnrolModel(SignInFlow<Account> flow, TotpSecrets secrets, ITenantContext tenant, Texts texts) : PageModel
{
    [BindProperty]
    public string Code { get; set; } = "";

    [FromQuery(Name = "zurueck")]
    public string? ReturnTo { get; set; }

    public string QrSvg { get; private set; } = "";
    public string GroupedSecret { get; private set; } = "";
    public string? Error { get; private set; }
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }
    public string Continue => ReturnPath.Safe(ReturnTo);
    public string CodesFileName => $"wiederherstellungscodes-{tenant.Current!.Slug}.txt";
    public string CodesDownload => "data:text/plain;charset=utf-8," + Uri.EscapeDataString(
        $"{texts["admin.enrol.codes.title"]} – {tenant.Current!.FullName}\r\n\r\n{string.Join("\r\n", RecoveryCodes ?? [])}\r\n");

    public async Task<IActionResult> OnGetAsync() => await ShowSecretAsync() ? Page() : Restart();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await flow.PendingAsync(SignInArea.TownStaff) is not (_, SecondFactorStage.Enrol))
        {
            return Restart();
        }
        var codes = string.IsNullOrWhiteSpace(Code) ? null : await flow.CompleteEnrolmentAsync(SignInArea.TownStaff, Code.Trim(), TotpSecrets.TownProvider);
        if (codes is null)
        {
            Error = texts[string.IsNullOrWhiteSpace(Code) ? "admin.twoFactor.missing" : "admin.enrol.wrong"];
            await ShowSecretAsync();
            return Page();
        }
        // Shown once, in this response only: the store keeps nothing but their hashes.
        RecoveryCodes = codes;
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    private async Task<bool> ShowSecretAsync()
    {
        if (await flow.PendingAsync(SignInArea.TownStaff) is not ({ } user, SecondFactorStage.Enrol)
            || await flow.BeginEnrolmentAsync(SignInArea.TownStaff, secrets) is not { } secret)
        {
            return false;
        }
        var issuer = $"{tenant.Current!.FullName} ({texts["admin.title"]})";
        QrSvg = QrCodeSvg.Render(Totp.KeyUri(issuer, user.Email, secret), texts["admin.enrol.qr"]);
        GroupedSecret = string.Join(' ', secret.Chunk(4).Select(c => new string(c)));
        return true;
    }

    private RedirectResult Restart() => Redirect("/admin/anmelden" + ReturnPath.Query(ReturnTo));
}
