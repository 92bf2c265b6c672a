using System.Globalization;
using System.Text;
using System.Xml;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Saas.Kernel.Content;
using Saas.Kernel.Tenancy;

namespace Saas.Modules.Jobs.Postings;

/// <summary>RSS 2.0 of the open positions, absolute links on the town's primary host; closed postings drop out by the town's clock.</summary>
internal static class JobsFeed
{
    public static void MapJobsFeed(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/stellen/rss.xml", RssAsync).ExcludeFromDescription();

    private static async Task<IResult> RssAsync(JobQueries jobs, ITenantContext tenant, MarkdownRenderer markdown, HttpContext http, CancellationToken cancellationToken)
    {
        var town = tenant.Current!;
        var origin = Origin(http, town);
        var postings = await jobs.OpenAsync(null, null, null, cancellationToken);
        http.Response.Headers.CacheControl = "public, max-age=300";
        var buffer = new StringBuilder();
        using (var w = XmlWriter.Create(new Utf8Writer(buffer), new XmlWriterSettings { Indent = true, Encoding = Encoding.UTF8 }))
        {
            w.WriteStartDocument();
            w.WriteStartElement("rss");
            w.WriteAttributeString("version", "2.0");
            w.WriteAttributeString("xmlns", "atom", null, "http://www.w3.org/2005/Atom");
            w.WriteStartElement("channel");
            w.WriteElementString("title", $"{town.FullName}: Stellenangebote");
            w.WriteElementString("link", $"{origin}/stellen");
            w.WriteElementString("description", $"Offene Stellen bei {town.Contact.Authority}");
            w.WriteElementString("language", "de-de");
            w.WriteStartElement("atom", "link", "http://www.w3.org/2005/Atom");
            w.WriteAttributeString("href", $"{origin}/stellen/rss.xml");
            w.WriteAttributeString("rel", "self");
            w.WriteAttributeString("type", "application/rss+xml");
            w.WriteEndElement();
            foreach (var posting in postings)
            {
                var link = $"{origin}/stellen/{posting.Slug}";
                w.WriteStartElement("item");
                w.WriteElementString("title", posting.Title);
                w.WriteElementString("link", link);
                w.WriteStartElement("guid");
                w.WriteAttributeString("isPermaLink", "true");
                w.WriteString(link);
                w.WriteEndElement();
                w.WriteElementString("pubDate", DateTime.SpecifyKind(posting.PublishAt!.Value, DateTimeKind.Utc).ToString("R", CultureInfo.InvariantCulture));
                w.WriteElementString("category", posting.Department);
                var summary = markdown.ToPlainText(posting.Description);
                w.WriteElementString("description", summary.Length > 400 ? summary[..400] + " …" : summary);
                w.WriteEndElement();
            }
            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteEndDocument();
        }
        return Results.Text(buffer.ToString(), "application/rss+xml; charset=utf-8", Encoding.UTF8);
    }

    /// <summary>The town's primary host (with the port of this request), so links are the same whatever host the reader used.</summary>
    public static string Origin(HttpContext http, TenantSnapshot town) =>
        $"{http.Request.Scheme}://{town.PrimaryHost}{(http.Request.Host.Port is { } port ? $":{port}" : "")}";

    private sealed class Utf8Writer(StringBuilder builder) : StringWriter(builder, CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => Encoding.UTF8;
    }
}
