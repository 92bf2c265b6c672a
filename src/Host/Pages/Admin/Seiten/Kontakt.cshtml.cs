using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Saas.Host.Tenancy;
using Saas.Kernel.Audit;
using Saas.Kernel.Localization;
using Saas.Kernel.Tenancy;

namespace Saas.Host.Pages.Admin.Seiten;

/// <summary>The town hall's contact details: registry data, so saved through <see cref="TenantAdministration"/> (new version on every node).</summary>
internal sealed partial class ContactModel(TenantAdministration administration, ITenantContext tenant, IAuditLog audit, Texts texts) : PageModel
{
    public sealed record Field(string Name, bool Required, int MaxLength, string Type, string Autocomplete);

    public static readonly IReadOnlyList<Field> Fields =
    [
        new("authority", true, 200, "text", "organization"),
        new("street", true, 200, "text", "street-address"),
        new("postalCode", true, 5, "text", "postal-code"),
        new("city", true, 100, "text", "address-level2"),
        new("phone", false, 40, "tel", "tel"),
        new("email", false, 254, "email", "email"),
        new("accessibilityEmail", false, 254, "email", "email"),
    ];

    [FromForm(Name = "authority")] public string? Authority { get; set; }
    [FromForm(Name = "street")] public string? Street { get; set; }
    [FromForm(Name = "postalCode")] public string? PostalCode { get; set; }
    [FromForm(Name = "city")] public string? City { get; set; }
    [FromForm(Name = "phone")] public string? Phone { get; set; }
    [FromForm(Name = "email")] public string? Email { get; set; }
    [FromForm(Name = "accessibilityEmail")] public string? AccessibilityEmail { get; set; }

    [FromQuery(Name = "gespeichert")]
    public bool Saved { get; set; }

    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public void OnGet()
    {
        var c = tenant.Current!.Contact;
        (Authority, Street, PostalCode, City, Phone, Email, AccessibilityEmail) =
            (c.Authority, c.Street, c.PostalCode, c.City, c.Phone, c.Email, c.AccessibilityContactEmail);
    }

    public string? Value(string field) => field switch
    {
        "authority" => Authority,
        "street" => Street,
        "postalCode" => PostalCode,
        "city" => City,
        "phone" => Phone,
        "email" => Email,
        "accessibilityEmail" => AccessibilityEmail,
        _ => null,
    };

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Saved = false;
        foreach (var field in Fields)
        {
            var value = Value(field.Name)?.Trim();
            if (string.IsNullOrEmpty(value))
            {
                if (field.Required)
                {
                    Errors[field.Name] = texts.Format("admin.form.required", texts[$"admin.contact.{field.Name}"]);
                }
            }
            else if (value.Length > field.MaxLength)
            {
                Errors[field.Name] = texts.Format("admin.form.tooLong", texts[$"admin.contact.{field.Name}"], field.MaxLength);
            }
            else if (field.Name == "postalCode" && !PostalCodePattern().IsMatch(value))
            {
                Errors[field.Name] = texts["admin.contact.error.postalCode"];
            }
            else if (field.Type == "email" && !EmailPattern().IsMatch(value))
            {
                Errors[field.Name] = texts.Format("admin.contact.error.email", texts[$"admin.contact.{field.Name}"]);
            }
            else if (field.Name == "phone" && !PhonePattern().IsMatch(value))
            {
                Errors[field.Name] = texts["admin.contact.error.phone"];
            }
        }
        if (Errors.Count > 0)
        {
            return Page();
        }
        static string? Optional(string? v) => string.IsNullOrWhiteSpace(v) ? null : v.Trim();
        var town = tenant.Current!;
        var contact = new TenantContact(Authority!.Trim(), Street!.Trim(), PostalCode!.Trim(), City!.Trim(), Optional(Phone), Optional(Email), Optional(AccessibilityEmail));
        if (contact != town.Contact)
        {
            await administration.SetContactAsync(town.Id, contact, cancellationToken);
            await audit.RecordAsync("admin.contact.saved", contact.Authority, Describe(town.Contact, contact), cancellationToken);
        }
        return LocalRedirect("/admin/seiten/kontakt?gespeichert=true");
    }

    private static string Describe(TenantContact before, TenantContact after)
    {
        var changes = new List<string>();
        void Compare(string name, string? a, string? b)
        {
            if (a != b)
            {
                changes.Add($"{name}: {a ?? "–"} → {b ?? "–"}");
            }
        }
        Compare("authority", before.Authority, after.Authority);
        Compare("street", before.Street, after.Street);
        Compare("postalCode", before.PostalCode, after.PostalCode);
        Compare("city", before.City, after.City);
        Compare("phone", before.Phone, after.Phone);
        Compare("email", before.Email, after.Email);
        Compare("accessibilityEmail", before.AccessibilityContactEmail, after.AccessibilityContactEmail);
        return string.Join("; ", changes);
    }

    [GeneratedRegex("^[0-9]{5}$")]
    private static partial Regex PostalCodePattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^\+?[0-9][0-9 ()/\-]{2,38}$")]
    private static partial Regex PhonePattern();
}
