namespace Saas.Kernel.Branding;

/// <summary>
/// Refuses brand colours that would make a town's pages fail WCAG: the primary colour is used for
/// links on white and as the background behind text, so it needs 4.5:1 against white; the
/// secondary colour marks borders and accents, so it needs 3:1 (UI parts).
/// </summary>
public static class BrandValidator
{
    /// <summary>Returns problems as (field, resource key, ratio); empty when the colours may be saved.</summary>
    public static IReadOnlyList<BrandProblem> Check(string? primary, string? secondary)
    {
        var problems = new List<BrandProblem>();
        CheckOne(problems, "primaryColor", primary, ContrastChecker.Text);
        CheckOne(problems, "secondaryColor", secondary, ContrastChecker.LargeTextOrUi);
        return problems;
    }

    private static void CheckOne(List<BrandProblem> problems, string field, string? color, double required)
    {
        if (!ContrastChecker.TryParse(color, out _))
        {
            problems.Add(new BrandProblem(field, "brand.error.format", null, required));
            return;
        }
        var ratio = ContrastChecker.Ratio(color!, "#ffffff");
        if (ratio < required)
        {
            // Rounded down: 4.497 shown as "4.5:1" next to "at least 4.5:1" would read as a contradiction.
            problems.Add(new BrandProblem(field, "brand.error.contrast", Math.Floor(ratio * 100) / 100, required));
        }
    }
}

/// <summary>Why a brand colour was refused.</summary>
public sealed record BrandProblem(string Field, string MessageKey, double? Ratio, double Required);
