using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Saas.Host;
using Saas.Kernel.Localization;

namespace Saas.UnitTests.Localization;

public sealed partial class TextsTests
{
    /// <summary>The assemblies the host loads texts from, the way PlatformServices composes them.</summary>
    private static readonly Assembly[] ProductAssemblies =
        [.. ModuleCatalog.All.Select(m => m.Assembly), typeof(PlatformServices).Assembly, typeof(Texts).Assembly];

    private static readonly Texts Product = new(ProductAssemblies);

    /// <summary>This test assembly embeds a key that exists only in German (Localization/Fixture).</summary>
    private static readonly Texts WithFixture = new([.. ProductAssemblies, typeof(TextsTests).Assembly]);

    [Fact]
    public void Every_assembly_with_texts_contributes_them()
    {
        foreach (var assembly in ProductAssemblies)
        {
            var resources = assembly.GetManifestResourceNames();
            Assert.Contains(resources, r => r.EndsWith(".strings.de.json", StringComparison.Ordinal));
            Assert.Contains(resources, r => r.EndsWith(".strings.en.json", StringComparison.Ordinal));
        }
        Assert.Contains("brand.error.format", Product.Keys(Texts.German));
        Assert.Contains("news.nav", Product.Keys(Texts.German));
    }

    [Fact]
    public void Every_German_key_exists_in_English()
    {
        var missing = Product.Keys(Texts.German).Except(Product.Keys(Texts.English)).Order(StringComparer.Ordinal).ToList();

        Assert.True(missing.Count == 0, "Missing in English: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_English_key_exists_in_German()
    {
        var missing = Product.Keys(Texts.English).Except(Product.Keys(Texts.German)).Order(StringComparer.Ordinal).ToList();

        Assert.True(missing.Count == 0, "Missing in German: " + string.Join(", ", missing));
    }

    [Fact]
    public void No_text_is_empty()
    {
        var empty = Texts.SupportedCultures
            .SelectMany(language => Product.Keys(language)
                .Where(key => string.IsNullOrWhiteSpace(Product.Get(key, CultureInfo.GetCultureInfo(language))))
                .Select(key => $"{language}:{key}"))
            .ToList();

        Assert.True(empty.Count == 0, "Empty texts: " + string.Join(", ", empty));
    }

    [Fact]
    public void Both_languages_use_the_same_placeholders()
    {
        var german = CultureInfo.GetCultureInfo(Texts.German);
        var english = CultureInfo.GetCultureInfo(Texts.English);
        var different = Product.Keys(Texts.German)
            .Where(key => !Placeholders(Product.Get(key, german)).SetEquals(Placeholders(Product.Get(key, english))))
            .ToList();

        Assert.True(different.Count == 0, "Placeholders differ: " + string.Join(", ", different));
    }

    [Fact]
    public void English_is_not_just_a_copy_of_German()
    {
        var german = CultureInfo.GetCultureInfo(Texts.German);
        var english = CultureInfo.GetCultureInfo(Texts.English);
        var translated = Product.Keys(Texts.German).Count(key => Product.Get(key, german) != Product.Get(key, english));

        Assert.True(translated > Product.Keys(Texts.German).Count / 2, $"only {translated} keys differ between German and English");
    }

    [Fact]
    public void A_key_missing_in_English_falls_back_to_German()
    {
        Assert.Equal("Nur auf Deutsch", WithFixture.Get("unittest.german-only", CultureInfo.GetCultureInfo("en")));
        Assert.Equal("Both languages", WithFixture.Get("unittest.both", CultureInfo.GetCultureInfo("en-GB")));
        Assert.Equal("Beide Sprachen", WithFixture.Get("unittest.both", CultureInfo.GetCultureInfo("de-AT")));
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("pl")]
    [InlineData("")]
    public void Any_other_language_gets_German(string culture) =>
        Assert.Equal("Beide Sprachen", WithFixture.Get("unittest.both", CultureInfo.GetCultureInfo(culture)));

    [Fact]
    public void An_unknown_key_shows_the_key_rather_than_failing() =>
        Assert.Equal("unittest.nowhere", WithFixture.Get("unittest.nowhere", CultureInfo.GetCultureInfo("en")));

    [Fact]
    public void The_indexer_follows_the_current_UI_culture()
    {
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
            Assert.Equal("Both languages", WithFixture["unittest.both"]);
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("de");
            Assert.Equal("Beide Sprachen", WithFixture["unittest.both"]);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public void The_same_key_in_two_assemblies_is_refused() =>
        Assert.Throws<InvalidOperationException>(() => new Texts([typeof(TextsTests).Assembly, new DuplicateResourceAssembly(typeof(TextsTests).Assembly)]));

    private static HashSet<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Groups[1].Value)];

    [GeneratedRegex(@"\{(\d+)(?:[,:][^}]*)?\}")]
    private static partial Regex Placeholder();

    /// <summary>Another assembly that embeds the same text file: its keys collide with the original's.</summary>
    private sealed class DuplicateResourceAssembly(Assembly inner) : Assembly
    {
        public override string[] GetManifestResourceNames() => inner.GetManifestResourceNames();

        public override Stream? GetManifestResourceStream(string name) => inner.GetManifestResourceStream(name);

        public override bool Equals(object? o) => ReferenceEquals(this, o);

        public override int GetHashCode() => 1;
    }
}
