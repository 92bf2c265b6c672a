using Npgsql;

namespace Saas.Kernel.Data;

/// <summary>
/// Serialises one-time startup work (migrations, seeding) across nodes that start together:
/// a PostgreSQL advisory lock held on its own connection. SQLite is single-node, so no lock.
/// </summary>
public sealed class StartupLock : IAsyncDisposable
{
    private const long Key = 0x5341415322; // distinct from the migration lock
    private readonly NpgsqlConnection? _connection;

    private StartupLock(NpgsqlConnection? connection) => _connection = connection;

    public static async Task<StartupLock> AcquireAsync(DatabaseOptions database, CancellationToken cancellationToken)
    {
        if (database.Provider != DatabaseProvider.Postgres)
        {
            return new StartupLock(null);
        }
        var connection = new NpgsqlConnection(database.MigrationConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT pg_advisory_lock({Key})", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return new StartupLock(connection);
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await using (var command = new NpgsqlCommand($"SELECT pg_advisory_unlock({Key})", _connection))
            {
                await command.ExecuteNonQueryAsync();
            }
            await _connection.DisposeAsync();
        }
    }
}
