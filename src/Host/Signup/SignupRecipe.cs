using System.Text.Json;
using Saas.Host.Recipes;
using Saas.Host.Web;

namespace Saas.Host.Signup;

/// <summary>
/// The recipe a new town starts from: the core pages with placeholders the admin is guided to
/// replace (the first-steps list on the dashboard finds them by <see cref="Placeholder"/>),
/// office hours to check, and a welcome news item when news is chosen.
/// </summary>
internal static class SignupRecipe
{
    /// <summary>Marks text the admin still has to write; the dashboard's first steps look for it.</summary>
    public const string Placeholder = "[Bitte ergänzen";

    /// <summary>The contact's postal code until the admin gives the real one (the contact form requires five digits).</summary>
    public const string UnknownPostalCode = "00000";

    public static ValidatedRecipe Build(SignupRow signup, ThemeInfo theme, DateTimeOffset now)
    {
        var name = signup.Municipality;
        var authority = Authority(signup.Kind, name);
        var steps = new Dictionary<string, JsonElement>();
        if (signup.FeatureKeys.Contains("news"))
        {
            steps["news"] = JsonSerializer.SerializeToElement(new
            {
                categories = new[] { new { slug = "rathaus", name = "Aus dem Rathaus" } },
                articles = new[]
                {
                    new
                    {
                        slug = "willkommen",
                        title = $"Willkommen im neuen Bürgerportal",
                        category = "rathaus",
                        publishedAt = now,
                        teaser = $"{authority} ist jetzt online erreichbar.",
                        body = $"Ab heute finden Sie Neuigkeiten und Angebote der {authority} hier.\n\n{Placeholder}: Stellen Sie Ihr Portal mit ein paar Sätzen vor.]",
                        urgent = false,
                        urgentUntil = (DateTimeOffset?)null,
                    },
                },
            }, JsonSerializerOptions.Web);
        }
        var recipe = new Recipe(
            signup.Slug, name, signup.Kind, Demo: false, State: "active", signup.Theme, signup.FeatureKeys, Domains: null,
            new RecipeBranding(theme.Defaults.PrimaryColor, theme.Defaults.SecondaryColor, null),
            new RecipeSettings("Europe/Berlin", ["de", "en"], signup.FederalState),
            new RecipeContact(authority, $"{Placeholder}: Straße]", UnknownPostalCode, name, null, signup.AdminEmail, signup.AdminEmail),
            [
                new("monday", "09:00", "12:00", $"{Placeholder}: Öffnungszeiten prüfen]"),
                new("tuesday", "09:00", "12:00", null),
                new("tuesday", "13:00", "18:00", null),
                new("thursday", "09:00", "12:00", null),
            ],
            new Dictionary<string, RecipePage>
            {
                ["welcome"] = new($"Willkommen in {name}", $"Hier finden Sie die Angebote der {authority} online.\n\n{Placeholder}: ein paar Sätze über Ihren Ort.]"),
                ["impressum"] = new("Impressum", $"{authority}\n\n{Placeholder}: Anschrift, vertretungsberechtigte Person, Kontakt und Aufsichtsbehörde.]"),
                ["datenschutz"] = new("Datenschutzerklärung", $"{Placeholder}: Datenschutzerklärung der {authority}, mit der oder dem Datenschutzbeauftragten.]"),
                ["barrierefreiheit"] = new("Erklärung zur Barrierefreiheit",
                    $"Die {authority} ist bemüht, ihr Bürgerportal barrierefrei zugänglich zu machen.\n\n{Placeholder}: Stand der Vereinbarkeit, Feedback-Kontakt und Schlichtungsstelle Ihres Landes.]"),
            },
            steps);
        return new ValidatedRecipe($"signup:{signup.Id}", recipe, null);
    }

    /// <summary>"Gemeindeverwaltung Görzke", "Stadtverwaltung Bad Belzig", "Amtsverwaltung Ziesar".</summary>
    public static string Authority(string kind, string name) => kind switch
    {
        "Stadt" => $"Stadtverwaltung {name}",
        "Amt" => $"Amtsverwaltung {name}",
        "Markt" => $"Marktgemeindeverwaltung {name}",
        "Verbandsgemeinde" => $"Verbandsgemeindeverwaltung {name}",
        "Samtgemeinde" => $"Samtgemeindeverwaltung {name}",
        _ => $"Gemeindeverwaltung {name}",
    };
}
