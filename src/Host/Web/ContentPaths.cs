namespace Saas.Host.Web;

/// <summary>
/// Finds the repository folders the app reads at run time (themes, tenants): configured paths win;
/// otherwise the nearest folder of that name above the content root, so `dotnet run` from any
/// directory and the test hosts find the checkout's folders.
/// </summary>
internal static class ContentPaths
{
    public static string Find(string? configured, string contentRoot, string folder)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured, contentRoot);
        }
        for (var dir = new DirectoryInfo(contentRoot); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, folder);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new DirectoryNotFoundException($"No '{folder}' folder above {contentRoot}; set Platform:{char.ToUpperInvariant(folder[0])}{folder[1..]}Path.");
    }
}
