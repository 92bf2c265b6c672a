namespace Saas.BrowserTests.Infrastructure;

/// <summary>The demo towns seeded from <c>tenants/</c> and the theme each one uses.</summary>
public static class DemoTowns
{
    public const string BadBelzig = "bad-belzig";
    public const string WiesenburgMark = "wiesenburg-mark";
    public const string Treuenbrietzen = "treuenbrietzen";

    /// <summary>Slug → theme, one town per theme.</summary>
    public static readonly IReadOnlyDictionary<string, string> Themes = new Dictionary<string, string>
    {
        [BadBelzig] = "klassisch",
        [WiesenburgMark] = "landlich",
        [Treuenbrietzen] = "modern",
    };

    public static IEnumerable<string> All => Themes.Keys;

    /// <summary>Every town (so every theme) at every viewport: the matrix page checks run over.</summary>
    public static TheoryData<string, int> TownsAndWidths()
    {
        var data = new TheoryData<string, int>();
        foreach (var town in All)
        {
            foreach (var width in Viewports.All)
            {
                data.Add(town, width);
            }
        }
        return data;
    }
}

/// <summary>Viewports every page is checked at: a small phone and a laptop.</summary>
public static class Viewports
{
    public const int Phone = 360;
    public const int Desktop = 1280;

    public static int HeightFor(int width) => width == Phone ? 800 : 900;

    public static IEnumerable<int> All => [Phone, Desktop];
}
