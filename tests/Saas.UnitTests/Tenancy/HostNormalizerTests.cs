using Saas.Host.Tenancy;

namespace Saas.UnitTests.Tenancy;

public sealed class HostNormalizerTests
{
    [Theory]
    [InlineData("Bad-Belzig.Example.TEST", "bad-belzig.example.test")]
    [InlineData("bad-belzig.example.test:8080", "bad-belzig.example.test")]
    [InlineData("BAD-BELZIG.example.test:443", "bad-belzig.example.test")]
    [InlineData("bad-belzig.example.test.", "bad-belzig.example.test")]
    [InlineData("bad-belzig.example.test.:5000", "bad-belzig.example.test")]
    [InlineData("localhost", "localhost")]
    [InlineData("müllheim.de", "xn--mllheim-n2a.de")]
    [InlineData("MÜLLHEIM.de:443", "xn--mllheim-n2a.de")]
    [InlineData("xn--mllheim-n2a.de", "xn--mllheim-n2a.de")]
    [InlineData("straße.de", "xn--strae-oqa.de")]
    public void A_host_header_becomes_the_registry_key(string header, string expected) =>
        Assert.Equal(expected, HostNormalizer.Normalize(header));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(".")]
    [InlineData(":8080")]
    [InlineData("a b")]
    [InlineData("a b.de")]
    [InlineData("x_y.de")]
    [InlineData("_dmarc.example.test")]
    [InlineData("evil.de/path")]
    [InlineData("evil.de\\x")]
    [InlineData("user@evil.de")]
    [InlineData("a..b.de")]
    [InlineData(".example.test")]
    [InlineData("example.test..")]
    [InlineData("-a.example.test")]
    [InlineData("a-.example.test")]
    [InlineData("bad-belzig.example.test:80:80x")]
    [InlineData("bad-belzig.example.test:http")]
    [InlineData("\u0000.de")]
    [InlineData("ex\tample.de")]
    public void Garbage_is_refused(string? header) =>
        Assert.Null(HostNormalizer.Normalize(header));

    [Theory]
    [InlineData("[::1]")]
    [InlineData("[::1]:443")]
    [InlineData("[2001:db8::1]:8080")]
    [InlineData("::1")]
    public void An_IPv6_literal_is_refused(string header) =>
        Assert.Null(HostNormalizer.Normalize(header));

    [Fact]
    public void A_name_longer_than_253_characters_is_refused()
    {
        var label = new string('a', 63);
        var longest = string.Join('.', label, label, label, new string('a', 61)); // 253
        var tooLong = longest + "a";

        Assert.Equal(longest, HostNormalizer.Normalize(longest));
        Assert.Equal(longest, HostNormalizer.Normalize(longest + ".:443"));
        Assert.Null(HostNormalizer.Normalize(tooLong));
        Assert.Null(HostNormalizer.Normalize(tooLong.ToUpperInvariant()));
    }

    [Fact]
    public void A_label_longer_than_63_characters_is_refused()
    {
        Assert.NotNull(HostNormalizer.Normalize(new string('a', 63) + ".de"));
        Assert.Null(HostNormalizer.Normalize(new string('a', 64) + ".de"));
    }

    [Fact]
    public void An_international_name_is_measured_after_conversion_to_punycode()
    {
        // "ü" is one character but "xn--tda" seven: 248 characters in Unicode, 254 in punycode.
        var label = new string('a', 63);
        var fits = string.Join('.', label, label, label, new string('b', 50), "ü", "de");
        var tooLong = string.Join('.', label, label, label, new string('b', 51), "ü", "de");
        Assert.True(tooLong.Length <= 253);

        Assert.Equal(253, HostNormalizer.Normalize(fits)?.Length);
        Assert.Null(HostNormalizer.Normalize(tooLong));
    }

    [Theory]
    [InlineData("bad-belzig.example.test")]
    [InlineData("xn--mllheim-n2a.de")]
    [InlineData("a1-b2.c3")]
    public void An_already_normalized_host_is_returned_as_the_same_instance(string host)
    {
        var header = new string(host.AsSpan()); // not an interned literal

        Assert.Same(header, HostNormalizer.Normalize(header));
    }

    [Fact]
    public void Normalizing_an_already_normalized_host_allocates_nothing()
    {
        var header = new string("bad-belzig.example.test".AsSpan());
        HostNormalizer.Normalize(header); // JIT and static initialisation

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1_000; i++)
        {
            HostNormalizer.Normalize(header);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Normalizing_is_idempotent()
    {
        foreach (var header in new[] { "MÜLLHEIM.de:443", "Bad-Belzig.Example.Test.", "straße.de", "a.b.c" })
        {
            var once = HostNormalizer.Normalize(header);
            Assert.Equal(once, HostNormalizer.Normalize(once));
        }
    }
}
