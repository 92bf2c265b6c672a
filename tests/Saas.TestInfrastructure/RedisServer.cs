using DotNet.Testcontainers.Builders;
using StackExchange.Redis;
using Testcontainers.Redis;

namespace Saas.TestInfrastructure;

/// <summary>
/// The Redis server shared by all tests of a process. Taken from <c>SAAS_TEST_REDIS</c>
/// (set by ./test.sh, which starts a throwaway server) or, when unset, a Testcontainers Redis
/// container. Tests isolate themselves with <see cref="NewChannelPrefix"/>.
/// </summary>
public sealed class RedisServer
{
    /// <summary>Name of the environment variable holding the server address (<c>host:port</c>).</summary>
    public const string EnvironmentVariable = "SAAS_TEST_REDIS";

    // One server per process, see PostgresServer.
    private static readonly Lazy<Task<RedisServer>> Instance =
        new(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    // Prefixes share a per-process part, so keys left behind by a run are recognisable.
    private readonly string _runId = Guid.NewGuid().ToString("N")[..8];
    private long _nextPrefix;

    // Kept only so the container is not collected; Testcontainers' resource reaper removes it.
    private readonly RedisContainer? _container;

    private RedisServer(string connectionString, RedisContainer? container)
    {
        ConnectionString = connectionString;
        _container = container;
    }

    /// <summary>StackExchange.Redis configuration string (<c>host:port</c>).</summary>
    public string ConnectionString { get; }

    /// <summary>Whether the server runs in a Testcontainers container.</summary>
    public bool IsContainer => _container is not null;

    /// <summary>Returns the process-wide server, starting it on first use.</summary>
    /// <exception cref="InvalidOperationException">No server is configured and Docker is unavailable.</exception>
    public static Task<RedisServer> GetAsync() => Instance.Value;

    /// <summary>
    /// Returns a unique prefix (ending in <c>:</c>) for channel and key names, so tests running
    /// in parallel against the one server never see each other's messages or keys.
    /// </summary>
    public string NewChannelPrefix() =>
        FormattableString.Invariant($"test-{_runId}-{Interlocked.Increment(ref _nextPrefix)}:");

    private static async Task<RedisServer> StartAsync()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            await CheckReachableAsync(configured).ConfigureAwait(false);
            return new RedisServer(configured, null);
        }

        RedisContainer container;
        try
        {
            // Build() throws DockerUnavailableException when no Docker engine answers.
            container = new RedisBuilder("redis:7-alpine").Build();
        }
        catch (DockerUnavailableException e)
        {
            throw new InvalidOperationException(
                "No Redis: run ./test.sh (it installs and starts one) or set SAAS_TEST_REDIS.", e);
        }

        await container.StartAsync().ConfigureAwait(false);
        return new RedisServer(container.GetConnectionString(), container);
    }

    private static async Task CheckReachableAsync(string connectionString)
    {
        // Fail once with a message naming the variable, rather than in every test's setup.
        try
        {
            using var connection = await ConnectionMultiplexer.ConnectAsync(connectionString).ConfigureAwait(false);
            await connection.GetDatabase().PingAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is RedisException or ArgumentException or TimeoutException)
        {
            throw new InvalidOperationException(
                $"Redis from {EnvironmentVariable} is not reachable ({e.Message}). Run ./test.sh, which starts one.", e);
        }
    }
}
