using Microsoft.EntityFrameworkCore;
using Saas.Host.Signup;
using Saas.Host.Tenancy;
using Saas.Host.TownHall;
using Saas.Kernel.Tenancy;

namespace Saas.Host.Admin;

/// <summary>
/// What a new town still has to do before its portal is its own: the placeholders of the signup
/// recipe (<see cref="SignupRecipe.Placeholder"/>) in pages, contact and opening hours, a coat of
/// arms or logo, and, optionally, its own domain. Each step is done when the town's data says so,
/// never by ticking a box; the list disappears when every required step is done.
/// </summary>
internal sealed class FirstSteps(TownHallDbContext db, ITenantContext tenant, TenantRegistry registry, AdminPermissions permissions)
{
    private static readonly string[] PageKeys = ["welcome", "impressum", "datenschutz", "barrierefreiheit"];

    public async Task<IReadOnlyList<FirstStep>> ForAsync(string? role, CancellationToken cancellationToken)
    {
        var town = tenant.Current ?? throw new InvalidOperationException("First steps belong to a town.");
        var pages = await db.Pages.AsNoTracking().Where(p => PageKeys.Contains(p.Key)).ToDictionaryAsync(p => p.Key, p => p.Body, cancellationToken);
        var hoursToCheck = await db.OpeningHours.AsNoTracking().AnyAsync(h => h.Note != null && h.Note.Contains(SignupRecipe.Placeholder), cancellationToken);
        var contact = town.Contact;
        var domains = registry.FindEntry(town.Id)?.Domains ?? [];
        List<FirstStep> steps =
        [
            .. PageKeys.Select(key => new FirstStep($"admin.firstSteps.page.{key}", $"/admin/seiten/{key}", AdminPermissions.Pages,
                Done: !pages.TryGetValue(key, out var body) || !body.Contains(SignupRecipe.Placeholder, StringComparison.Ordinal))),
            new("admin.firstSteps.contact", "/admin/seiten/kontakt", AdminPermissions.Pages,
                Done: !contact.Street.Contains(SignupRecipe.Placeholder, StringComparison.Ordinal) && contact.PostalCode != SignupRecipe.UnknownPostalCode),
            new("admin.firstSteps.hours", "/admin/seiten/oeffnungszeiten", AdminPermissions.Pages, Done: !hoursToCheck),
            new("admin.firstSteps.branding", "/admin/gestaltung", AdminPermissions.Branding, Done: town.Branding.HasCoatOfArms || town.Branding.HasLogo),
            new("admin.firstSteps.domain", "/admin/domain", AdminPermissions.Domains,
                Done: domains.Any(d => d.Kind == DomainKind.Custom && d.Verified), Optional: true),
        ];
        return [.. steps.Where(s => permissions.Grants(role, s.Permission))];
    }
}

/// <summary>One step: its text, the page that does it, the permission that page needs, and whether it is done.</summary>
internal sealed record FirstStep(string TextKey, string Href, string Permission, bool Done, bool Optional = false);
