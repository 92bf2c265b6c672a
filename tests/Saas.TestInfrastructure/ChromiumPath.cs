namespace Saas.TestInfrastructure;

/// <summary>
/// Where the Chromium executable for browser tests lives: <c>SAAS_TEST_CHROMIUM</c>, else
/// <c>/usr/bin/chromium</c> (Debian's package; ./test.sh installs it). Browser tests use the
/// system Chromium because the only network is the package mirrors, so no browser download.
/// </summary>
public static class ChromiumPath
{
    /// <summary>Name of the environment variable holding the Chromium executable's path.</summary>
    public const string EnvironmentVariable = "SAAS_TEST_CHROMIUM";

    /// <summary>The default path, used when the environment variable is unset.</summary>
    public const string Default = "/usr/bin/chromium";

    /// <summary>Returns the path of the Chromium executable.</summary>
    /// <exception cref="InvalidOperationException">The file does not exist.</exception>
    public static string Get()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        var path = string.IsNullOrWhiteSpace(configured) ? Default : configured;
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"Chromium not found at '{path}'" +
                (string.IsNullOrWhiteSpace(configured) ? "" : $" (from {EnvironmentVariable})") +
                ". Run ./test.sh (it installs the Debian package 'chromium') or set " +
                $"{EnvironmentVariable} to a Chromium executable.");
        }

        return path;
    }
}
