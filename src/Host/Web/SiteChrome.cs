using System.Globalization;
using Saas.Kernel.Localization;
using Saas.Kernel.Modules;
using Saas.Kernel.Tenancy;

namespace Saas.Host.Web;

/// <summary>What the layout needs about the current town: theme, navigation, language links.</summary>
internal sealed class SiteChrome(ITenantContext tenantContext, IEnumerable<IModule> modules, Texts texts, IHttpContextAccessor http)
{
    public TenantSnapshot Tenant => tenantContext.Current ?? throw new InvalidOperationException("Town layout outside a town.");

    public string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == Texts.English ? Texts.English : Texts.German;

    public string ThemeCss => $"/themes/{Tenant.Theme}/theme.css";

    public string BrandCss => $"/brand.css?v={Tenant.Version}";

    public string CoatOfArmsUrl => $"/media/coat-of-arms?v={Tenant.Version}";

    public string LogoUrl => $"/media/logo?v={Tenant.Version}";

    public IReadOnlyList<NavigationItem> Navigation =>
        modules.Where(m => Tenant.HasFeature(m.FeatureKey)).SelectMany(m => m.Navigation)
            .Prepend(new NavigationItem("nav.home", "/", 0))
            .Append(new NavigationItem("nav.contact", "/kontakt", 900))
            .OrderBy(n => n.Order)
            .ToList();

    public bool IsCurrent(NavigationItem item)
    {
        var path = http.HttpContext?.Request.Path.Value ?? "/";
        return item.Href == "/" ? path == "/" : path.StartsWith(item.Href, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The other language the town offers, with the link that switches to it (or null).</summary>
    public (string Culture, string Label, string Href)? OtherLanguage
    {
        get
        {
            var other = Language == Texts.German ? Texts.English : Texts.German;
            if (!Tenant.Settings.Cultures.Contains(other))
            {
                return null;
            }
            var request = http.HttpContext?.Request;
            var back = Uri.EscapeDataString($"{request?.Path}{request?.QueryString}");
            return (other, texts.Get("lang.switch", new CultureInfo(other)), $"/sprache/{other}?zurueck={back}");
        }
    }
}
