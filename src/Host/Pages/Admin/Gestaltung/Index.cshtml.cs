using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Saas.Host.Admin;
using Saas.Host.Tenancy;
using Saas.Host.Web;
using Saas.Kernel.Audit;
using Saas.Kernel.Branding;
using Saas.Kernel.Localization;
using Saas.Kernel.Security;
using Saas.Kernel.Tenancy;

namespace Saas.Host.Pages.Admin.Gestaltung;

/// <summary>
/// Theme and brand colours. Colours are contrast-checked before anything is stored; a refused
/// combination changes nothing (not even the theme chosen in the same form). "Vorschau" shows the
/// colours without saving, for browsers without JavaScript; with it a small script updates the box live.
/// </summary>
[Authorize(Policy = Policies.TenantAdmin)]
internal sealed class BrandingModel(ThemeCatalog themes, TenantAdministration administration, ITenantContext tenant, IAuditLog audit, Texts texts, BrandImages images) : PageModel
{
    /// <summary>Which image the upload or removal is for (<see cref="BrandImages.Keys"/>).</summary>
    [BindProperty(Name = "bild")]
    public string? ImageKey { get; set; }

    [BindProperty(Name = "datei")]
    public IFormFile? ImageFile { get; set; }

    [FromQuery(Name = "bild-gespeichert")]
    public string? ImageNotice { get; set; }

    /// <summary>Why the last upload was refused, and for which image.</summary>
    public (string Key, string Message)? ImageError { get; private set; }

    [BindProperty]
    public string Theme { get; set; } = "";

    [BindProperty]
    public string PrimaryColor { get; set; } = "";

    [BindProperty]
    public string SecondaryColor { get; set; } = "";

    [FromQuery(Name = "gespeichert")]
    public bool Saved { get; set; }

    public IReadOnlyList<ThemeInfo> Themes => themes.All.OrderBy(t => t.Name, StringComparer.CurrentCulture).ToList();

    /// <summary>Field → message, in the order the fields appear.</summary>
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public bool Previewing { get; private set; }

    public string PreviewCssUrl => $"?handler=PreviewCss&primary={Uri.EscapeDataString(PrimaryColor)}&secondary={Uri.EscapeDataString(SecondaryColor)}";

    private TenantSnapshot Town => tenant.Current!;

    public void OnGet()
    {
        Theme = Town.Theme;
        PrimaryColor = Town.Branding.PrimaryColor;
        SecondaryColor = Town.Branding.SecondaryColor;
    }

    /// <summary>Uploads the logo or the coat of arms; a refused file changes nothing and the page says why.</summary>
    public async Task<IActionResult> OnPostImageAsync(CancellationToken cancellationToken)
    {
        OnGet();
        var key = BrandImages.Keys.Contains(ImageKey) ? ImageKey! : null;
        if (key is null)
        {
            ImageError = (BrandImages.Keys[0], texts["admin.branding.image.error.key"]);
            return Page();
        }
        if (ImageFile is not { Length: > 0 } file)
        {
            ImageError = (key, texts["admin.branding.image.error.missing"]);
            return Page();
        }
        if (await images.StoreAsync(key, file, cancellationToken) is { } problem)
        {
            ImageError = (key, problem);
            return Page();
        }
        return LocalRedirect("/admin/gestaltung?bild-gespeichert=hochgeladen");
    }

    public async Task<IActionResult> OnPostRemoveImageAsync(CancellationToken cancellationToken)
    {
        if (BrandImages.Keys.Contains(ImageKey))
        {
            await images.RemoveAsync(ImageKey!, cancellationToken);
        }
        return LocalRedirect("/admin/gestaltung?bild-gespeichert=entfernt");
    }

    /// <summary>Whether the town has this image now.</summary>
    public bool HasImage(string key) => key == TownHall.MediaFile.Logo ? Town.Branding.HasLogo : Town.Branding.HasCoatOfArms;

    public PageResult OnPostPreview()
    {
        Normalize();
        Validate();
        Previewing = true;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Normalize();
        if (!Validate())
        {
            return Page();
        }
        var town = Town;
        if (Theme != town.Theme)
        {
            await administration.SetThemeAsync(town.Id, Theme, cancellationToken);
            await audit.RecordAsync("admin.branding.theme", Theme, $"{town.Theme} → {Theme}", cancellationToken);
        }
        if (PrimaryColor != town.Branding.PrimaryColor || SecondaryColor != town.Branding.SecondaryColor)
        {
            var problems = await administration.SetBrandColorsAsync(town.Id, PrimaryColor, SecondaryColor, cancellationToken);
            if (problems.Count > 0)
            {
                // Checked above already; the registry checks again and stores nothing.
                AddProblems(problems);
                return Page();
            }
            await audit.RecordAsync("admin.branding.colors", $"{PrimaryColor} / {SecondaryColor}",
                $"{town.Branding.PrimaryColor} / {town.Branding.SecondaryColor} → {PrimaryColor} / {SecondaryColor}", cancellationToken);
        }
        return LocalRedirect("/admin/gestaltung?gespeichert=true");
    }

    /// <summary>The preview box's colours as a stylesheet: the CSP allows no inline styles.</summary>
    public ContentResult OnGetPreviewCss(string? primary, string? secondary)
    {
        var css = "";
        // A refused colour is not previewed (the box keeps the saved one, the form says why): the
        // preview would otherwise put unreadable text on this page itself.
        var refused = BrandValidator.Check(primary, secondary).Select(p => p.Field).ToHashSet();
        if (ContrastChecker.TryParse(primary, out _) && ContrastChecker.TryParse(secondary, out _))
        {
            css = $$"""
                .preview-box {
                {{(refused.Contains("primaryColor") ? "" : $"  --pv-primary: {primary};\n  --pv-on-primary: {ContrastChecker.ReadableOn(primary!)};")}}
                {{(refused.Contains("secondaryColor") ? "" : $"  --pv-secondary: {secondary};")}}
                }
                """;
        }
        Response.Headers.CacheControl = "private, max-age=60";
        return Content(css, "text/css; charset=utf-8");
    }

    /// <summary>The contrast of a colour against white, as the form shows it.</summary>
    public string Ratio(string color) =>
        ContrastChecker.TryParse(color, out _)
            ? (Math.Floor(ContrastChecker.Ratio(color, "#ffffff") * 100) / 100).ToString("0.##", CultureInfo.CurrentCulture)
            : "–";

    private void Normalize()
    {
        Theme = Theme.Trim();
        PrimaryColor = PrimaryColor.Trim().ToLowerInvariant();
        SecondaryColor = SecondaryColor.Trim().ToLowerInvariant();
    }

    private bool Validate()
    {
        if (!themes.Exists(Theme))
        {
            Errors["theme"] = texts["admin.branding.error.theme"];
        }
        AddProblems(BrandValidator.Check(PrimaryColor, SecondaryColor));
        return Errors.Count == 0;
    }

    private void AddProblems(IEnumerable<BrandProblem> problems)
    {
        foreach (var problem in problems)
        {
            var label = texts[$"admin.branding.{problem.Field}"];
            Errors[problem.Field] = problem.Ratio is { } ratio
                ? texts.Format("admin.branding.error.contrast", label, ratio.ToString("0.##", CultureInfo.CurrentCulture), problem.Required.ToString("0.#", CultureInfo.CurrentCulture))
                : texts.Format("admin.branding.error.format", label);
        }
    }
}
