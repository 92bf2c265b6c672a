using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Saas.Host.Tenancy;
using Saas.Host.Tenancy.Domains;
using Saas.Kernel.Audit;
using Saas.Kernel.Localization;
using Saas.Kernel.Security;
using Saas.Kernel.Tenancy;

namespace Saas.Host.Pages.Admin.Domain;

/// <summary>
/// The town's own domain: claim it, publish the TXT token, see what the last DNS check found, make it the
/// primary address (the platform subdomain then redirects) or go back to the platform address. Every
/// handler acts only on the current town's domains: a host of another town is "unknown" here.
/// </summary>
[Authorize(Policy = Policies.TenantAdmin)]
internal sealed class DomainModel(DomainClaims claims, TenantRegistry registry, ITenantContext tenant, IAuditLog audit, Texts texts) : PageModel
{
    [BindProperty(Name = "domain")]
    public string? NewDomain { get; set; }

    [BindProperty(Name = "host")]
    public string? Host { get; set; }

    /// <summary>What the last action did (a text key suffix), shown after the redirect.</summary>
    [FromQuery(Name = "hinweis")]
    public string? Notice { get; set; }

    [FromQuery(Name = "adresse")]
    public string? NoticeHost { get; set; }

    public string? Error { get; private set; }

    public IReadOnlyList<ClaimedDomain> Domains { get; private set; } = [];

    public string PlatformHost => registry.PlatformSubdomain(Town.Slug);

    public bool PlatformIsPrimary => Town.PrimaryHost == PlatformHost;

    public TimeSpan ClaimLifetime => DomainClaims.ClaimLifetime;

    private TenantSnapshot Town => tenant.Current!;

    public static readonly IReadOnlySet<string> Notices = new HashSet<string>(StringComparer.Ordinal)
    {
        "claimed", "verified", "pending", "primary", "platform", "removed",
    };

    public async Task OnGetAsync(CancellationToken cancellationToken) => Domains = await claims.ListAsync(Town.Id, cancellationToken);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        var (error, host) = await claims.ClaimAsync(Town.Id, NewDomain, cancellationToken);
        if (error is not null)
        {
            return await FailAsync(error, cancellationToken);
        }
        await audit.RecordAsync("admin.domain.claimed", host, null, cancellationToken);
        return Done("claimed", host!);
    }

    public async Task<IActionResult> OnPostCheckAsync(CancellationToken cancellationToken)
    {
        var result = await claims.CheckAsync(Town.Id, Host, cancellationToken);
        if (result is null)
        {
            return await FailAsync("admin.domain.error.unknown", cancellationToken);
        }
        if (result == DomainCheckResult.Verified)
        {
            await audit.RecordAsync("admin.domain.verified", Host, null, cancellationToken);
            return Done("verified", Host!);
        }
        return Done("pending", Host!);
    }

    public async Task<IActionResult> OnPostPrimaryAsync(CancellationToken cancellationToken)
    {
        var host = string.IsNullOrEmpty(Host) || Host == PlatformHost ? null : Host;
        if (await claims.MakePrimaryAsync(Town.Id, host, cancellationToken) is { } error)
        {
            return await FailAsync(error, cancellationToken);
        }
        await audit.RecordAsync("admin.domain.primary", host ?? PlatformHost, null, cancellationToken);
        // The page itself now lives at the new address: the redirect goes through this host, which answers
        // 301 to the primary one; the admin signs in there again (sign-in cookies belong to one host).
        return Done(host is null ? "platform" : "primary", host ?? PlatformHost);
    }

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken cancellationToken)
    {
        if (!await claims.RemoveAsync(Town.Id, Host, cancellationToken))
        {
            return await FailAsync("admin.domain.error.unknown", cancellationToken);
        }
        await audit.RecordAsync("admin.domain.removed", Host, null, cancellationToken);
        return Done("removed", Host!);
    }

    /// <summary>How to read a date on this page: in the town's zone.</summary>
    public string Local(DateTime utc)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(Town.Settings.TimeZone);
        return TimeZoneInfo.ConvertTimeFromUtc(utc, zone).ToString("g", System.Globalization.CultureInfo.CurrentCulture);
    }

    private async Task<PageResult> FailAsync(string error, CancellationToken cancellationToken)
    {
        Error = texts[error];
        Domains = await claims.ListAsync(Town.Id, cancellationToken);
        return Page();
    }

    private LocalRedirectResult Done(string notice, string host) =>
        LocalRedirect($"/admin/domain?hinweis={notice}&adresse={Uri.EscapeDataString(host)}");
}
