namespace Saas.UnitTests.Support;

/// <summary>Finds the checkout's folders (tenants, themes) from wherever the test assembly runs.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Tenants => Path.Combine(Root, "tenants");

    public static string Themes => Path.Combine(Root, "themes");

    /// <summary>The demo towns' folders (tenants/&lt;slug&gt;/), in ordinal order.</summary>
    public static IReadOnlyList<string> DemoTownFolders { get; } =
        Directory.GetDirectories(Tenants).Where(d => File.Exists(Path.Combine(d, "recipe.json"))).Order(StringComparer.Ordinal).ToList();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Directory.Packages.props")) && Directory.Exists(Path.Combine(dir.FullName, "tenants")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException($"No repository root (Directory.Packages.props + tenants/) above {AppContext.BaseDirectory}.");
    }
}
