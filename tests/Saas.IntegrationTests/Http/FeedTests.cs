using System.Globalization;
using System.Net;
using System.Xml;
using System.Xml.Linq;
using Saas.IntegrationTests.Infrastructure;

namespace Saas.IntegrationTests.Http;

/// <summary>Two towns, one with a title full of markup characters, shared by <see cref="FeedTests"/>.</summary>
public sealed class FeedFixture : IAsyncLifetime
{
    public const string TrickyTitle = "<b>Fett</b> & Co";

    public PlatformFactory Factory { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Factory = new PlatformFactory(new PlatformFactoryOptions { Database = await TestDatabase.CreateAsync("http_feeds") });
        await TestTowns.CreateAsync(Factory, "feed-a", articles:
        [
            ("erste", "Erste Meldung aus feed-a", "Eins."),
            ("fett", TrickyTitle, "Mit **Markdown** & <i>HTML</i>."),
        ]);
        await TestTowns.CreateAsync(Factory, "feed-b", articles: [("fremd", "Meldung aus feed-b", "Fremd.")]);
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}

/// <summary>RSS 2.0 and Atom 1.0 feeds: well-formed, complete, absolute, escaped, and about one town only.</summary>
public sealed class FeedTests(FeedFixture fixture) : IClassFixture<FeedFixture>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private readonly PlatformFactory _factory = fixture.Factory;

    [Fact]
    public async Task Given_a_town_with_articles_When_the_rss_feed_is_read_Then_it_is_valid_rss_2_with_absolute_links_on_the_towns_host()
    {
        var (response, feed) = await LoadAsync("/aktuelles/rss.xml");

        Assert.Equal("application/rss+xml", response.Content.Headers.ContentType?.MediaType);
        var rss = feed.Root!;
        Assert.Equal("rss", rss.Name.LocalName);
        Assert.Equal("2.0", rss.Attribute("version")?.Value);
        var channel = rss.Element("channel")!;
        Assert.Contains("Test feed-a", channel.Element("title")?.Value);
        Assert.Equal("http://feed-a.localhost/aktuelles", channel.Element("link")?.Value);
        Assert.False(string.IsNullOrWhiteSpace(channel.Element("description")?.Value));
        var items = channel.Elements("item").ToList();
        Assert.Equal(2, items.Count);
        foreach (var item in items)
        {
            Assert.False(string.IsNullOrWhiteSpace(item.Element("title")?.Value));
            var link = new Uri(item.Element("link")!.Value);
            Assert.True(link.IsAbsoluteUri);
            Assert.Equal("feed-a.localhost", link.Host);
            Assert.StartsWith("/aktuelles/", link.AbsolutePath);
            Assert.Equal(link.ToString(), item.Element("guid")?.Value);
            var pubDate = item.Element("pubDate")!.Value;
            Assert.True(DateTimeOffset.TryParseExact(pubDate, "r", CultureInfo.InvariantCulture, DateTimeStyles.None, out var published), $"pubDate '{pubDate}' is not RFC 1123");
            Assert.Equal(2026, published.Year);
        }
    }

    [Fact]
    public async Task Given_a_town_with_articles_When_the_atom_feed_is_read_Then_it_has_every_required_atom_element()
    {
        var (response, feed) = await LoadAsync("/aktuelles/atom.xml");

        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        var root = feed.Root!;
        Assert.Equal(Atom + "feed", root.Name);
        Assert.False(string.IsNullOrWhiteSpace(root.Element(Atom + "id")?.Value));
        Assert.Contains("Test feed-a", root.Element(Atom + "title")?.Value);
        AssertRfc3339(root.Element(Atom + "updated")?.Value);
        Assert.Contains(root.Elements(Atom + "link"), l => l.Attribute("rel")?.Value == "self" && l.Attribute("href")?.Value == "http://feed-a.localhost/aktuelles/atom.xml");
        Assert.Equal("Verwaltung feed-a", root.Element(Atom + "author")?.Element(Atom + "name")?.Value);
        var entries = root.Elements(Atom + "entry").ToList();
        Assert.Equal(2, entries.Count);
        Assert.Equal(2, entries.Select(e => e.Element(Atom + "id")?.Value).Distinct().Count());
        foreach (var entry in entries)
        {
            Assert.False(string.IsNullOrWhiteSpace(entry.Element(Atom + "id")?.Value));
            Assert.False(string.IsNullOrWhiteSpace(entry.Element(Atom + "title")?.Value));
            AssertRfc3339(entry.Element(Atom + "updated")?.Value);
            var href = entry.Elements(Atom + "link").Single(l => l.Attribute("rel")?.Value == "alternate").Attribute("href")!.Value;
            Assert.StartsWith("http://feed-a.localhost/aktuelles/", href);
        }
    }

    [Theory]
    [InlineData("/aktuelles/rss.xml")]
    [InlineData("/aktuelles/atom.xml")]
    public async Task Given_two_towns_When_one_towns_feed_is_read_Then_only_its_articles_appear(string path)
    {
        var (_, feed) = await LoadAsync(path);

        var text = feed.ToString();
        Assert.Contains("Erste Meldung aus feed-a", text);
        Assert.DoesNotContain("feed-b", text);
    }

    [Fact]
    public async Task Given_a_title_with_markup_characters_When_the_feeds_are_parsed_Then_the_title_reads_back_exactly()
    {
        var (_, rss) = await LoadAsync("/aktuelles/rss.xml");
        var (_, atom) = await LoadAsync("/aktuelles/atom.xml");

        Assert.Contains(rss.Descendants("item"), i => i.Element("title")?.Value == FeedFixture.TrickyTitle);
        Assert.Contains(atom.Descendants(Atom + "entry"), e => e.Element(Atom + "title")?.Value == FeedFixture.TrickyTitle);
        Assert.Empty(rss.Descendants("b")); // escaped text, not markup
        Assert.Empty(atom.Descendants(Atom + "b"));
    }

    private async Task<(HttpResponseMessage Response, XDocument Feed)> LoadAsync(string path)
    {
        var response = await _factory.ClientFor("feed-a.localhost").GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var stream = await response.Content.ReadAsStreamAsync();
        // Throws on anything that is not well-formed XML; DTDs are refused.
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, Async = true });
        return (response, await XDocument.LoadAsync(reader, LoadOptions.None, CancellationToken.None));
    }

    private static void AssertRfc3339(string? value)
    {
        Assert.NotNull(value);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$", value);
        Assert.True(DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out _), $"'{value}' is not a date");
    }
}
