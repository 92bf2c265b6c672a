using System.Globalization;
using System.Text;
using System.Xml;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Saas.Kernel.Content;
using Saas.Kernel.Tenancy;
using Saas.Modules.News.Data;

namespace Saas.Modules.News.Feeds;

/// <summary>RSS 2.0 and Atom 1.0 feeds of the latest twenty articles, with absolute links on the town's own host.</summary>
internal static class NewsFeeds
{
    private const int Count = 20;

    public static void MapNewsFeeds(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/aktuelles/rss.xml", Rss).ExcludeFromDescription();
        endpoints.MapGet("/aktuelles/atom.xml", Atom).ExcludeFromDescription();
    }

    private static async Task<IResult> Rss(NewsQueries news, ITenantContext tenant, HttpContext http, CancellationToken cancellationToken)
    {
        var town = tenant.Current!;
        var origin = Origin(http, town);
        var articles = await news.LatestAsync(Count, cancellationToken);
        await NewsCacheWindow.ApplyAsync(http, cancellationToken);
        return Xml("application/rss+xml; charset=utf-8", w =>
        {
            w.WriteStartElement("rss");
            w.WriteAttributeString("version", "2.0");
            w.WriteAttributeString("xmlns", "atom", null, "http://www.w3.org/2005/Atom");
            w.WriteStartElement("channel");
            w.WriteElementString("title", $"{town.FullName}: Aktuelles");
            w.WriteElementString("link", $"{origin}/aktuelles");
            w.WriteElementString("description", $"Meldungen aus {town.FullName}");
            w.WriteElementString("language", "de-de");
            w.WriteStartElement("atom", "link", "http://www.w3.org/2005/Atom");
            w.WriteAttributeString("href", $"{origin}/aktuelles/rss.xml");
            w.WriteAttributeString("rel", "self");
            w.WriteAttributeString("type", "application/rss+xml");
            w.WriteEndElement();
            if (articles.Count > 0)
            {
                w.WriteElementString("lastBuildDate", DateTime.SpecifyKind(articles.Max(Updated), DateTimeKind.Utc).ToString("R", CultureInfo.InvariantCulture));
            }
            foreach (var article in articles)
            {
                var link = $"{origin}/aktuelles/{article.Slug}";
                w.WriteStartElement("item");
                w.WriteElementString("title", article.Title);
                w.WriteElementString("link", link);
                w.WriteStartElement("guid");
                w.WriteAttributeString("isPermaLink", "true");
                w.WriteString(link);
                w.WriteEndElement();
                w.WriteElementString("pubDate", DateTime.SpecifyKind(article.PublishedAt!.Value, DateTimeKind.Utc).ToString("R", CultureInfo.InvariantCulture));
                w.WriteElementString("description", article.Teaser);
                if (article.Category is { } category)
                {
                    w.WriteElementString("category", category.Name);
                }
                w.WriteEndElement();
            }
            w.WriteEndElement();
            w.WriteEndElement();
        });
    }

    private static async Task<IResult> Atom(NewsQueries news, ITenantContext tenant, MarkdownRenderer markdown, HttpContext http, CancellationToken cancellationToken)
    {
        const string ns = "http://www.w3.org/2005/Atom";
        var town = tenant.Current!;
        var origin = Origin(http, town);
        var articles = await news.LatestAsync(Count, cancellationToken);
        await NewsCacheWindow.ApplyAsync(http, cancellationToken);
        var updated = articles.Count == 0 ? DateTime.UnixEpoch : articles.Max(Updated);
        return Xml("application/atom+xml; charset=utf-8", w =>
        {
            w.WriteStartElement("feed", ns);
            w.WriteAttributeString("xml", "lang", null, "de");
            w.WriteElementString("id", ns, $"urn:uuid:{town.Id}");
            w.WriteElementString("title", ns, $"{town.FullName}: Aktuelles");
            w.WriteElementString("updated", ns, Rfc3339(updated));
            WriteLink(w, ns, $"{origin}/aktuelles/atom.xml", "self", "application/atom+xml");
            WriteLink(w, ns, $"{origin}/aktuelles", "alternate", "text/html");
            w.WriteStartElement("author", ns);
            w.WriteElementString("name", ns, town.Contact.Authority);
            w.WriteEndElement();
            foreach (var article in articles)
            {
                w.WriteStartElement("entry", ns);
                w.WriteElementString("id", ns, $"urn:uuid:{article.Id}");
                w.WriteElementString("title", ns, article.Title);
                w.WriteElementString("published", ns, Rfc3339(article.PublishedAt!.Value));
                w.WriteElementString("updated", ns, Rfc3339(Updated(article)));
                WriteLink(w, ns, $"{origin}/aktuelles/{article.Slug}", "alternate", "text/html");
                if (article.Category is { } category)
                {
                    w.WriteStartElement("category", ns);
                    w.WriteAttributeString("term", category.Slug);
                    w.WriteAttributeString("label", category.Name);
                    w.WriteEndElement();
                }
                w.WriteElementString("summary", ns, article.Teaser);
                w.WriteStartElement("content", ns);
                w.WriteAttributeString("type", "html");
                w.WriteString(markdown.ToSafeHtml(article.Body));
                w.WriteEndElement();
                w.WriteEndElement();
            }
            w.WriteEndElement();
        });
    }

    // Feeds never show an update time before the publication time.
    private static DateTime Updated(Article a) => a.PublishedAt is { } published && published > a.UpdatedAt ? published : a.UpdatedAt;

    private static void WriteLink(XmlWriter w, string ns, string href, string rel, string type)
    {
        w.WriteStartElement("link", ns);
        w.WriteAttributeString("href", href);
        w.WriteAttributeString("rel", rel);
        w.WriteAttributeString("type", type);
        w.WriteEndElement();
    }

    private static string Rfc3339(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    // The town's primary host, not the Host header as typed: guids and ids stay the same whatever
    // spelling (capitals, trailing dot, secondary domain) the feed reader used.
    private static string Origin(HttpContext http, TenantSnapshot town) =>
        $"{http.Request.Scheme}://{town.PrimaryHost}{(http.Request.Host.Port is { } port ? $":{port}" : "")}";

    private static IResult Xml(string contentType, Action<XmlWriter> write)
    {
        var buffer = new StringBuilder();
        using (var writer = XmlWriter.Create(new StringWriterUtf8(buffer), new XmlWriterSettings { Indent = true, Encoding = Encoding.UTF8 }))
        {
            writer.WriteStartDocument();
            write(writer);
            writer.WriteEndDocument();
        }
        return Results.Text(buffer.ToString(), contentType, Encoding.UTF8);
    }

    /// <summary>A StringWriter that declares UTF-8, so the XML declaration matches the bytes sent.</summary>
    private sealed class StringWriterUtf8(StringBuilder builder) : StringWriter(builder, CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => Encoding.UTF8;
    }
}
