using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Text.Json;
using System.Text.Json.Serialization;
using Saas.Kernel.Tenancy;
using Saas.Modules.Jobs.Data;

namespace Saas.Modules.Jobs.Postings;

/// <summary>
/// The schema.org <c>JobPosting</c> a search engine reads from the posting page. Written by System.Text.Json
/// with an encoder that escapes <c>&lt;</c>, <c>&gt;</c>, <c>&amp;</c> and quotes as <c>\uXXXX</c>:
/// whatever staff type, a <c>&lt;/script&gt;</c> can never end the script block the JSON sits in.
/// </summary>
internal static class JobPostingJsonLd
{
    private static readonly JsonSerializerOptions Options = new()
    {
        // Letters of every script stay readable; < > & ' + are still escaped, the HTML-sensitive ones.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Write(JobPosting posting, string descriptionHtml, TenantSnapshot town, string origin, TimeZoneInfo zone)
    {
        var data = new Dictionary<string, object?>
        {
            ["@context"] = "https://schema.org/",
            ["@type"] = "JobPosting",
            ["title"] = posting.Title,
            ["description"] = descriptionHtml,
            ["datePosted"] = Stamp(posting.PublishAt ?? posting.CreatedAt, zone),
            ["validThrough"] = Stamp(posting.ClosesAt, zone),
            ["employmentType"] = EmploymentTypes.SchemaOrg(posting.EmploymentType),
            ["url"] = $"{origin}/stellen/{posting.Slug}",
            ["identifier"] = new Dictionary<string, object?>
            {
                ["@type"] = "PropertyValue",
                ["name"] = town.Contact.Authority,
                ["value"] = posting.Id.ToString(),
            },
            ["hiringOrganization"] = new Dictionary<string, object?>
            {
                ["@type"] = "Organization",
                ["name"] = town.Contact.Authority,
                ["sameAs"] = origin,
            },
            ["jobLocation"] = new Dictionary<string, object?>
            {
                ["@type"] = "Place",
                ["name"] = posting.Location,
                ["address"] = new Dictionary<string, object?>
                {
                    ["@type"] = "PostalAddress",
                    ["streetAddress"] = town.Contact.Street,
                    ["postalCode"] = town.Contact.PostalCode,
                    ["addressLocality"] = town.Contact.City,
                    ["addressCountry"] = "DE",
                },
            },
            ["workHours"] = posting.Hours,
            ["jobStartDate"] = posting.StartDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["directApply"] = posting.ApplyUrl is null,
        };
        return JsonSerializer.Serialize(data, Options);
    }

    private static string Stamp(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)), zone).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);
}
