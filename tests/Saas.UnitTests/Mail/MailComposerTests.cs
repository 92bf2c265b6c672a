using System.Globalization;
using Saas.Kernel.Localization;
using Saas.Kernel.Mail;
using Saas.Kernel.Tenancy;
using Saas.UnitTests.Support;

namespace Saas.UnitTests.Mail;

public sealed class MailComposerTests
{
    private static readonly Texts Texts = new([typeof(MailComposer).Assembly]);
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");
    private static readonly Uri Link = new("https://bad-belzig.example.test/konto/bestaetigen?id=1&token=x%2By");

    [Fact]
    public void German_mail_has_a_greeting_the_paragraphs_the_link_and_is_signed_by_the_town()
    {
        var mail = Composer(Town()).Compose(German, new MailContent("Bitte bestätigen", ["Erster Absatz.", "Zweiter Absatz."])
        {
            Action = new MailAction("E-Mail-Adresse bestätigen", Link),
            Footer = "Sie erhalten diese E-Mail, weil Sie sich angemeldet haben.",
        });

        Assert.Equal("de", mail.Culture);
        Assert.Equal(
            "Guten Tag,\n\nErster Absatz.\n\nZweiter Absatz.\n\nE-Mail-Adresse bestätigen:\n" + Link.AbsoluteUri +
            "\n\nMit freundlichen Grüßen\nGemeinde Town musterdorf\n\n-- \nSie erhalten diese E-Mail, weil Sie sich angemeldet haben.\n",
            mail.Text);
        Assert.Contains("<html lang=\"de\">", mail.Html, StringComparison.Ordinal);
        Assert.Contains("<title>Bitte bestätigen</title>", mail.Html, StringComparison.Ordinal);
        Assert.Contains("<p>Erster Absatz.</p>", mail.Html, StringComparison.Ordinal);
        Assert.Contains("Falls die Schaltfläche nicht funktioniert", mail.Html, StringComparison.Ordinal);
        Assert.Contains("Mit freundlichen Grüßen<br>\nGemeinde Town musterdorf", mail.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void English_mail_uses_English_wording_and_language()
    {
        var mail = Composer(Town()).Compose(CultureInfo.GetCultureInfo("en-GB"), new MailContent("Please confirm", ["One paragraph."]) { Action = new MailAction("Confirm", Link) });

        Assert.Equal("en", mail.Culture);
        Assert.StartsWith("Hello,\n\n", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Kind regards", mail.Text, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\">", mail.Html, StringComparison.Ordinal);
        Assert.Contains("lang=\"en\" style=", mail.Html, StringComparison.Ordinal);
        Assert.Contains("If the button does not work", mail.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Grüßen", mail.Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("")]
    public void Any_other_language_gets_German(string culture) =>
        Assert.Equal("de", Composer(null).Compose(CultureInfo.GetCultureInfo(culture), new MailContent("x", [])).Culture);

    [Fact]
    public void Every_piece_of_caller_text_is_html_encoded()
    {
        const string Hostile = "<script>alert(\"x\")</script>&<b onmouseover='y'>";
        var mail = Composer(Town()).Compose(German, new MailContent(Hostile, [Hostile])
        {
            Greeting = Hostile,
            Action = new MailAction(Hostile, new Uri("https://example.test/a?b=\"><script>&c='")),
            Footer = Hostile,
            Signature = Hostile,
        });

        Assert.DoesNotContain("<script", mail.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b ", mail.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("'y'", mail.Html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&lt;b onmouseover=&#x27;y&#x27;&gt;", mail.Html, StringComparison.Ordinal);
        // The address: percent-encoded by Uri, its & and ' encoded for the attribute.
        Assert.Contains("href=\"https://example.test/a?b=%22%3E%3Cscript%3E&amp;c=&#x27;\"", mail.Html, StringComparison.Ordinal);
        // Plain text needs no encoding: it is shown as it is.
        Assert.Contains(Hostile, mail.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("ftp://example.test/file")]
    public void An_action_address_that_is_not_http_is_refused(string address) =>
        Assert.Throws<ArgumentException>(() => Composer(null).Compose(German, new MailContent("x", []) { Action = new MailAction("Klick", new Uri(address)) }));

    [Fact]
    public void A_relative_action_address_is_refused() =>
        Assert.Throws<ArgumentException>(() => Composer(null).Compose(German, new MailContent("x", []) { Action = new MailAction("Klick", new Uri("/konto", UriKind.Relative)) }));

    [Fact]
    public void Line_breaks_inside_a_paragraph_are_kept_and_the_subject_is_one_line()
    {
        var mail = Composer(null).Compose(German, new MailContent("Zeile\r\neins", ["Montag\r\nDienstag"]));

        Assert.Equal("Zeile eins", mail.Subject);
        Assert.Contains("Montag\nDienstag", mail.Text, StringComparison.Ordinal);
        Assert.Contains("<p>Montag<br>\nDienstag</p>", mail.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Outside_a_town_the_platform_signs_and_the_button_is_the_neutral_blue()
    {
        var mail = Composer(null).Compose(German, new MailContent("x", []) { Action = new MailAction("Los", Link) });

        Assert.EndsWith("Mit freundlichen Grüßen\nRathausplatz\n", mail.Text, StringComparison.Ordinal);
        Assert.Contains("background:#1f4e79;", mail.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_button_takes_the_towns_colour_only_when_white_text_stays_readable_on_it()
    {
        var readable = Town() with { Branding = new BrandTokens("#7a1f2b", "#9a7b00", false) };
        var pale = Town() with { Branding = new BrandTokens("#ffee88", "#9a7b00", false) };
        var content = new MailContent("x", []) { Action = new MailAction("Los", Link) };

        Assert.Contains("background:#7a1f2b;", Composer(readable).Compose(German, content).Html, StringComparison.Ordinal);
        Assert.Contains("background:#1f4e79;", Composer(pale).Compose(German, content).Html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_composed_mail_addressed_to_someone_carries_both_bodies_and_the_language()
    {
        var composed = Composer(null).Compose(English, new MailContent("Subject", ["Body"]));

        var message = composed.To("anna@example.net", "Anna");

        Assert.Equal(("anna@example.net", "Anna", "Subject", "en"), (message.To, message.ToName, message.Subject, message.Culture));
        Assert.Equal(composed.Text, message.TextBody);
        Assert.Equal(composed.Html, message.HtmlBody);
    }

    private static MailComposer Composer(TenantSnapshot? town) => new(Texts, new FixedTown(town));

    private static TenantSnapshot Town() => Towns.Snapshot("musterdorf", TenantState.Active, "musterdorf.example.test", Guid.CreateVersion7());
}

/// <summary>An <see cref="ITenantContext"/> that always answers the same town.</summary>
internal sealed class FixedTown(TenantSnapshot? town) : ITenantContext
{
    public TenantSnapshot? Current => town;
}
