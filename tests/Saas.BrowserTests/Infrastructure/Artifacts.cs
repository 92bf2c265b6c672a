using Microsoft.Playwright;

namespace Saas.BrowserTests.Infrastructure;

/// <summary>
/// Where the tests leave files for people to look at: <c>$SAAS_ARTIFACTS</c> when set (CI can
/// point it at its upload folder), else <c>&lt;repo&gt;/artifacts/screenshots</c> (git-ignored).
/// </summary>
public static class Artifacts
{
    public const string EnvironmentVariable = "SAAS_ARTIFACTS";

    public static string ScreenshotFolder
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
            var folder = string.IsNullOrWhiteSpace(configured)
                ? Path.Combine(RepositoryRoot(), "artifacts", "screenshots")
                : Path.GetFullPath(configured);
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    /// <summary>Saves what <paramref name="page"/> shows as <c>{name}.png</c> in <see cref="ScreenshotFolder"/>, animations stopped.</summary>
    public static Task ScreenshotAsync(IPage page, string name, bool fullPage = true) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, $"{name}.png"), FullPage = fullPage, Animations = ScreenshotAnimations.Disabled });

    /// <summary>The nearest folder above the test binaries holding the solution file.</summary>
    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Saas.sln")) || File.Exists(Path.Combine(dir.FullName, "Saas.slnx")))
            {
                return dir.FullName;
            }
        }
        // Binaries copied somewhere else: keep the files next to them rather than fail.
        return AppContext.BaseDirectory;
    }
}
