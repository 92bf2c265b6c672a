using System.Diagnostics.CodeAnalysis;
using DotNet.Testcontainers.Builders;
using Npgsql;
using Testcontainers.PostgreSql;

namespace Saas.TestInfrastructure;

/// <summary>
/// The PostgreSQL server shared by all tests of a process. Taken from <c>SAAS_TEST_POSTGRES</c>
/// (set by ./test.sh, which starts a throwaway server) or, when unset, a Testcontainers
/// PostgreSQL 15 container. Tests isolate themselves with <see cref="CreateDatabaseAsync"/>.
/// </summary>
public sealed class PostgresServer
{
    /// <summary>Name of the environment variable holding a superuser connection string.</summary>
    public const string EnvironmentVariable = "SAAS_TEST_POSTGRES";

    // One server per process: starting a container (or even checking one) per test class
    // would dominate the run time. A failed start stays failed so every test reports the
    // same clear error quickly instead of retrying.
    private static readonly Lazy<Task<PostgresServer>> Instance =
        new(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    // Kept only so the container is not collected; Testcontainers' resource reaper removes it
    // when the test process exits, so there is nothing to dispose here.
    private readonly PostgreSqlContainer? _container;

    private PostgresServer(string superuserConnectionString, PostgreSqlContainer? container)
    {
        SuperuserConnectionString = superuserConnectionString;
        _container = container;
    }

    /// <summary>Connection string of a superuser to the server's <c>postgres</c> database.</summary>
    public string SuperuserConnectionString { get; }

    /// <summary>Whether the server runs in a Testcontainers container.</summary>
    public bool IsContainer => _container is not null;

    /// <summary>Returns the process-wide server, starting it on first use.</summary>
    /// <exception cref="InvalidOperationException">No server is configured and Docker is unavailable.</exception>
    public static Task<PostgresServer> GetAsync() => Instance.Value;

    /// <summary>
    /// Creates a fresh, empty database named <paramref name="prefix"/> plus a short unique
    /// suffix (lowercase) and returns a superuser connection string to it.
    /// </summary>
    [SuppressMessage("Security", "CA2100", Justification = "The name is made of [a-z0-9_] only.")]
    public async Task<string> CreateDatabaseAsync(string prefix)
    {
        var name = UniqueName(prefix);
        using (var connection = new NpgsqlConnection(SuperuserConnectionString))
        {
            await connection.OpenAsync().ConfigureAwait(false);
            // template0, not the default template1: CREATE DATABASE fails when anyone is
            // connected to its template, and nobody can connect to template0.
            using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE template0", connection);
            await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        }

        return new NpgsqlConnectionStringBuilder(SuperuserConnectionString)
        {
            Database = name,
            // Every test database gets its own connection pool. Closing idle connections
            // soon keeps the many pools of a test run under the server's max_connections.
            ConnectionIdleLifetime = 10,
            ConnectionPruningInterval = 2,
        }.ConnectionString;
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>, closing its connections.</summary>
    /// <remarks>Optional: throwaway servers vanish anyway; this matters for a long-lived server.</remarks>
    [SuppressMessage("Security", "CA2100", Justification = "The name is quoted as an identifier.")]
    public async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database
            ?? throw new ArgumentException("The connection string names no database.", nameof(connectionString));
        // Return this database's pooled connections now; FORCE then ends any still in use.
        using (var pooled = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        using var connection = new NpgsqlConnection(SuperuserConnectionString);
        await connection.OpenAsync().ConfigureAwait(false);
        using var command = new NpgsqlCommand(
            $"DROP DATABASE IF EXISTS \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// Returns <paramref name="prefix"/> plus a short unique suffix, lowercase and limited to
    /// <c>[a-z0-9_]</c>, so it can be used unquoted as a database or role name. Roles are
    /// server-wide, so tests running in parallel need unique role names too.
    /// </summary>
    public static string UniqueName(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var clean = new string(prefix
            .Select(char.ToLowerInvariant)
            .Select(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' ? c : '_').ToArray());
        if (clean.Length == 0 || char.IsDigit(clean[0]))
        {
            clean = "t" + clean;
        }

        // PostgreSQL truncates identifiers at 63 bytes; keep the unique part intact.
        var suffix = "_" + Guid.NewGuid().ToString("N")[..12];
        return clean[..Math.Min(clean.Length, 63 - suffix.Length)] + suffix;
    }

    private static async Task<PostgresServer> StartAsync()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            await CheckReachableAsync(configured).ConfigureAwait(false);
            return new PostgresServer(configured, null);
        }

        PostgreSqlContainer container;
        try
        {
            // Build() throws DockerUnavailableException when no Docker engine answers.
            container = new PostgreSqlBuilder("postgres:15-alpine")
                .WithUsername("postgres")
                .WithPassword("postgres")
                .WithDatabase("postgres")
                // The module already turns fsync etc. off; tests run in parallel, each with
                // its own pooled databases, so allow more connections than the default 100.
                .WithCommand("-c", "max_connections=300")
                .Build();
        }
        catch (DockerUnavailableException e)
        {
            throw new InvalidOperationException(
                "No PostgreSQL: run ./test.sh (it installs and starts one) or set SAAS_TEST_POSTGRES.", e);
        }

        await container.StartAsync().ConfigureAwait(false);
        return new PostgresServer(container.GetConnectionString(), container);
    }

    private static async Task CheckReachableAsync(string connectionString)
    {
        // Fail once with a message naming the variable, rather than in every test's setup.
        try
        {
            using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is NpgsqlException or ArgumentException or TimeoutException)
        {
            throw new InvalidOperationException(
                $"PostgreSQL from {EnvironmentVariable} is not reachable ({e.Message}). Run ./test.sh, which starts one.", e);
        }
    }
}
