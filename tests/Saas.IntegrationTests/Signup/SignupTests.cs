using System.Net;
using System.Text.Json;
using Saas.IntegrationTests.Accounts;
using Saas.TestInfrastructure.Mail;

namespace Saas.IntegrationTests.Signup;

/// <summary>A municipality signs up, confirms by mail and is live at once; bad input, stale links and races change nothing.</summary>
[Collection(SignupCollection.Name)]
public sealed class SignupTests(SignupFixture platform)
{
    [Fact]
    public async Task Given_a_signup_When_the_mailed_link_is_confirmed_Then_the_town_is_live_with_its_features_and_the_admin_can_sign_in()
    {
        var (status, text) = await platform.SubmitAsync(SignupFixture.WithFeatures(SignupFixture.Form("goerzke", "petra@goerzke.example"), "news", "appointments"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Wir haben einen Link an petra@goerzke.example geschickt.", text, StringComparison.Ordinal);
        // Nothing answers before the confirmation.
        Assert.Equal(HttpStatusCode.NotFound, (await platform.Factory.ClientFor("goerzke.localhost").GetAsync("/")).StatusCode);

        var mail = await platform.Smtp.WaitForMessageToAsync("petra@goerzke.example");
        Assert.Contains("Görzke", mail.Subject, StringComparison.Ordinal);
        var link = mail.FirstLink("/registrieren/bestaetigen/");
        var visitor = platform.Visitor();
        // Opening the link (as a mail scanner would) creates nothing.
        Assert.Contains("Portal jetzt einrichten", await visitor.OpenAsync(link), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await platform.Factory.ClientFor("goerzke.localhost").GetAsync("/")).StatusCode);

        // A double click: two confirmations at once give one town and the same answer.
        var answers = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => visitor.SubmitAsync(link.PathAndQuery, [])));
        var texts = await Task.WhenAll(answers.Select(async a => WebUtility.HtmlDecode(await a.Content.ReadAsStringAsync())));
        Assert.Contains(texts, t => t.Contains("Das Portal für Görzke ist online", StringComparison.Ordinal));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal(1, await platform.ScalarAsync("SELECT count(*) FROM platform_tenants WHERE slug = 'goerzke'"));
        Assert.Equal(1, await platform.ScalarAsync("SELECT count(*) FROM platform_tenants t JOIN platform_signups s ON s.id = t.id WHERE t.slug = 'goerzke' AND t.state = 'active' AND s.provisioned_at IS NOT NULL"));
        // The password's hash moved to the admin account; the signup keeps no copy.
        Assert.Equal(0, await platform.ScalarAsync("SELECT count(*) FROM platform_signups WHERE slug = 'goerzke' AND password_hash <> ''"));

        // The town answers with its placeholders, the chosen features only, and a welcome article.
        var town = platform.Factory.ClientFor("goerzke.localhost");
        var home = WebUtility.HtmlDecode(await town.GetStringAsync("/"));
        Assert.Contains("Willkommen in Görzke", home, StringComparison.Ordinal);
        Assert.Contains("Willkommen im neuen Bürgerportal", WebUtility.HtmlDecode(await town.GetStringAsync("/aktuelles")), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await town.GetAsync("/termine")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await town.GetAsync("/abfall")).StatusCode);
        Assert.Equal(1, await platform.ScalarAsync(
            "SELECT count(*) FROM core_accounts a JOIN platform_tenants t ON t.id = a.tenant_id WHERE t.slug = 'goerzke' AND a.role = 'TenantAdmin' AND a.email_confirmed AND a.email = 'petra@goerzke.example'"));

        // The admin signs in with the password chosen at signup and is asked to set up the second factor.
        var admin = platform.Factory.ClientFor("goerzke.localhost", https: true);
        var signIn = await Saas.IntegrationTests.News.StaffSession.PostAsync(admin, "/admin/anmelden",
            new() { ["Email"] = "petra@goerzke.example", ["Password"] = "Rathaus-Goerzke-2026" });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Contains("/admin/anmelden/", signIn.Headers.Location!.OriginalString, StringComparison.Ordinal);

        // The link keeps showing the result; it creates nothing more.
        Assert.Contains("ist online", WebUtility.HtmlDecode(await visitor.OpenAsync(link)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Ags", "1206923", "Der Gemeindeschlüssel hat genau 8 Ziffern.")]
    [InlineData("Ags", "99069232", "Einen Gemeindeschlüssel mit diesen ersten beiden Ziffern gibt es nicht.")]
    [InlineData("Ags", "13069232", "Der Gemeindeschlüssel gehört zu einem anderen Bundesland als dem gewählten.")]
    [InlineData("Slug", "admin", "Diese Adresse ist für die Plattform reserviert.")]
    [InlineData("Slug", "fick-dorf", "Diese Adresse können wir nicht vergeben.")]
    [InlineData("Slug", "vergeben", "Diese Adresse ist bereits vergeben.")]
    [InlineData("Slug", "Bad Belzig", "Die Adresse darf nur Kleinbuchstaben, Ziffern und einzelne Bindestriche enthalten")]
    [InlineData("Slug", "-dorf", "Die Adresse darf nur Kleinbuchstaben")]
    [InlineData("Municipality", "", "Bitte geben Sie den Namen der Gemeinde ein")]
    [InlineData("FederalState", "XX", "Bitte wählen Sie das Bundesland.")]
    [InlineData("Email", "petra at goerzke", "Bitte geben Sie eine gültige E-Mail-Adresse ein")]
    [InlineData("Password", "kurz", "Das Passwort muss mindestens 8 Zeichen lang sein.")]
    [InlineData("Theme", "knallbunt", "Bitte wählen Sie ein Erscheinungsbild.")]
    [InlineData("AcceptedTerms", "false", "Bitte bestätigen Sie, dass Sie für die Gemeinde handeln dürfen.")]
    public async Task Given_a_bad_field_When_the_signup_is_sent_Then_the_form_names_the_problem_in_german_and_nothing_is_stored(string field, string value, string message)
    {
        var before = await platform.ScalarAsync("SELECT count(*) FROM platform_signups");
        var form = SignupFixture.Form($"bad-{field.ToLowerInvariant()}", $"bad-{field.ToLowerInvariant()}@example.org");
        form[field] = value;

        var (status, text) = await platform.SubmitAsync(SignupFixture.WithFeatures(form, "news"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("role=\"alert\"", text, StringComparison.Ordinal);
        Assert.Contains($"href=\"#{field.ToLowerInvariant()}\"", text, StringComparison.Ordinal);
        Assert.Contains(message, text, StringComparison.Ordinal);
        Assert.Equal(before, await platform.ScalarAsync("SELECT count(*) FROM platform_signups"));
        await Task.Delay(200);
        Assert.DoesNotContain(platform.Smtp.Messages, m => m.To.Mailboxes.Any(b => b.Address == form["Email"]));
    }

    [Fact]
    public async Task Given_an_unknown_feature_or_markup_in_the_name_When_sent_Then_the_feature_is_refused_and_the_markup_comes_back_escaped()
    {
        var form = SignupFixture.Form("markup-dorf", "markup@example.org");
        form["Municipality"] = "<script>alert('x')</script>Dorf";
        var (_, raw) = await SubmitRawAsync(SignupFixture.WithFeatures(form, "news", "billing"));

        Assert.Contains("Bitte wählen Sie nur Funktionen aus der Liste.", WebUtility.HtmlDecode(raw), StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", raw, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert", raw, StringComparison.Ordinal);
        Assert.Equal(0, await platform.ScalarAsync("SELECT count(*) FROM platform_signups WHERE slug = 'markup-dorf'"));
    }

    [Fact]
    public async Task Given_a_link_older_than_a_day_or_with_a_forged_token_When_confirmed_Then_refused_and_no_town_is_made()
    {
        await platform.SubmitAsync(SignupFixture.WithFeatures(SignupFixture.Form("spaet-dorf", "spaet@example.org"), "news"));
        var link = (await platform.Smtp.WaitForMessageToAsync("spaet@example.org")).FirstLink("/registrieren/bestaetigen/");
        var visitor = platform.Visitor();

        var forged = await visitor.SubmitAsync(link.PathAndQuery, [], action: link.AbsolutePath + "?token=" + new string('A', 43));
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Contains("ungültig oder abgelaufen", WebUtility.HtmlDecode(await forged.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        platform.Clock.Advance(TimeSpan.FromHours(25));
        try
        {
            var html = await platform.Factory.ClientFor("localhost", https: true).GetAsync(link.PathAndQuery);
            Assert.Equal(HttpStatusCode.NotFound, html.StatusCode);
            Assert.Equal(0, await platform.ScalarAsync("SELECT count(*) FROM platform_tenants WHERE slug = 'spaet-dorf'"));
            // The address is free again for someone else.
            Assert.True(await AvailableAsync("spaet-dorf"));
        }
        finally
        {
            platform.Clock.Advance(TimeSpan.FromHours(-25));
        }
    }

    [Fact]
    public async Task Given_two_signups_for_one_address_When_both_are_confirmed_at_once_Then_one_town_is_made_and_the_other_is_told_why()
    {
        // The same person asked twice (a lost mail), with different features; both links are valid.
        await platform.SubmitAsync(SignupFixture.WithFeatures(SignupFixture.Form("doppel-dorf", "doppel@example.org"), "news"));
        var first = (await platform.Smtp.WaitForMessageAsync(m => m.To.Mailboxes.Any(b => b.Address == "doppel@example.org"))).FirstLink("/registrieren/bestaetigen/");
        await platform.SubmitAsync(SignupFixture.WithFeatures(SignupFixture.Form("doppel-dorf", "doppel@example.org"), "appointments"));
        var second = (await platform.Smtp.WaitForMessageAsync(m => m.To.Mailboxes.Any(b => b.Address == "doppel@example.org") && !m.FirstLink("/registrieren/bestaetigen/").Equals(first)))
            .FirstLink("/registrieren/bestaetigen/");

        var answers = await Task.WhenAll(new[] { first, second }.Select(link => platform.Visitor().SubmitAsync(link.PathAndQuery, [])));

        Assert.Equal(1, await platform.ScalarAsync("SELECT count(*) FROM platform_tenants WHERE slug = 'doppel-dorf'"));
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        var refused = Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Conflict);
        Assert.Contains("wurde inzwischen an eine andere Gemeinde vergeben", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(1, await platform.ScalarAsync("SELECT count(*) FROM platform_signups WHERE slug = 'doppel-dorf' AND failure = 'slug-taken'"));
    }

    [Fact]
    public async Task The_live_address_check_answers_free_taken_reserved_and_malformed_in_german()
    {
        Assert.True(await AvailableAsync("neues-dorf"));
        Assert.False(await AvailableAsync("vergeben"));
        Assert.False(await AvailableAsync("support"));
        Assert.False(await AvailableAsync("<b>"));
        var answer = await platform.Factory.ClientFor("localhost").GetStringAsync("/registrieren?handler=Adresse&slug=vergeben");
        Assert.Contains("bereits vergeben", JsonDocument.Parse(answer).RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
        // Only the platform site signs up towns: a town's host has no such page.
        Assert.Equal(HttpStatusCode.NotFound, (await platform.Factory.ClientFor("vergeben.localhost").GetAsync("/registrieren")).StatusCode);
    }

    private async Task<bool> AvailableAsync(string slug)
    {
        var answer = await platform.Factory.ClientFor("localhost").GetStringAsync($"/registrieren?handler=Adresse&slug={Uri.EscapeDataString(slug)}");
        return JsonDocument.Parse(answer).RootElement.GetProperty("available").GetBoolean();
    }

    private async Task<(HttpStatusCode, string)> SubmitRawAsync(IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var response = await platform.Visitor().SubmitAsync("/registrieren", fields);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
