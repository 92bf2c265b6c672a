using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Npgsql;
using Saas.Kernel.Modules;

namespace Saas.Kernel.Data;

/// <summary>
/// Applies versioned SQL scripts (embedded as <c>Migrations/{postgres|sqlite}/NNNN_name.sql</c>)
/// in order, once each, recorded in <c>platform_schema_migrations</c>. On PostgreSQL it runs as the
/// owner role under an advisory lock (several nodes may start at once), creates the application
/// role if missing and grants it data rights only: it owns nothing and cannot bypass RLS.
/// See docs/adr/0005-sql-migrations.md for why this is not EF Core migrations.
/// </summary>
public sealed partial class MigrationRunner(DatabaseOptions database, ILogger<MigrationRunner> logger)
{
    private const long AdvisoryLockKey = 0x5341415321; // "SAAS!"

    public async Task RunAsync(IEnumerable<MigrationSource> sources, CancellationToken cancellationToken)
    {
        var provider = database.Provider == DatabaseProvider.Postgres ? "postgres" : "sqlite";
        await using var connection = Open();
        await connection.OpenAsync(cancellationToken);
        if (database.Provider == DatabaseProvider.Postgres)
        {
            await ExecuteAsync(connection, null, $"SELECT pg_advisory_lock({AdvisoryLockKey})", cancellationToken);
        }
        try
        {
            await ExecuteAsync(connection, null, """
                CREATE TABLE IF NOT EXISTS platform_schema_migrations (
                    module TEXT NOT NULL,
                    version TEXT NOT NULL,
                    applied_at TEXT NOT NULL,
                    PRIMARY KEY (module, version))
                """, cancellationToken);
            foreach (var source in sources)
            {
                await ApplySourceAsync(connection, source, provider, cancellationToken);
            }
            if (database.Provider == DatabaseProvider.Postgres)
            {
                await GrantApplicationRoleAsync(connection, cancellationToken);
            }
        }
        finally
        {
            if (database.Provider == DatabaseProvider.Postgres)
            {
                await ExecuteAsync(connection, null, $"SELECT pg_advisory_unlock({AdvisoryLockKey})", CancellationToken.None);
            }
        }
    }

    /// <summary>The scripts of <paramref name="source"/> for a provider, in version order.</summary>
    public static IReadOnlyList<(string Version, string Sql)> Scripts(MigrationSource source, string provider)
    {
        var marker = $".Migrations.{provider}.";
        return source.Assembly.GetManifestResourceNames()
            .Where(name => name.Contains(marker, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Select(name => (Version: name[(name.IndexOf(marker, StringComparison.Ordinal) + marker.Length)..^4], Resource: name))
            .OrderBy(script => script.Version, StringComparer.Ordinal)
            .Select(script => (script.Version, Read(source, script.Resource)))
            .ToList();
    }

    private async Task ApplySourceAsync(DbConnection connection, MigrationSource source, string provider, CancellationToken cancellationToken)
    {
        var scripts = Scripts(source, provider);
        if (scripts.Count == 0)
        {
            throw new InvalidOperationException($"Module '{source.Module}' has no {provider} migrations.");
        }
        var applied = new HashSet<string>(StringComparer.Ordinal);
        await using (var query = connection.CreateCommand())
        {
            query.CommandText = "SELECT version FROM platform_schema_migrations WHERE module = @module";
            AddParameter(query, "module", source.Module);
            await using var reader = await query.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                applied.Add(reader.GetString(0));
            }
        }
        foreach (var (version, sql) in scripts.Where(s => !applied.Contains(s.Version)))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await ExecuteAsync(connection, transaction, sql, cancellationToken);
            await using (var record = connection.CreateCommand())
            {
                record.Transaction = transaction;
                record.CommandText = "INSERT INTO platform_schema_migrations (module, version, applied_at) VALUES (@module, @version, @at)";
                AddParameter(record, "module", source.Module);
                AddParameter(record, "version", version);
                AddParameter(record, "at", DateTimeOffset.UtcNow.ToString("O"));
                await record.ExecuteNonQueryAsync(cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
            logger.LogInformation("Applied migration {Module}/{Version}", source.Module, version);
        }
    }

    private async Task GrantApplicationRoleAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var app = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        var role = app.Username ?? throw new InvalidOperationException("ConnectionStrings:PostgresApp needs a Username.");
        if (!RoleName().IsMatch(role))
        {
            throw new InvalidOperationException($"The application role name '{role}' must match {RoleName()}.");
        }
        var password = (app.Password ?? string.Empty).Replace("'", "''", StringComparison.Ordinal);
        var owner = new NpgsqlConnectionStringBuilder(database.MigrationConnectionString).Username;
        if (string.Equals(owner, role, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The application must not connect as the owner role: row-level security would not apply to it reliably.");
        }
        await ExecuteAsync(connection, null, $"""
            DO $$
            BEGIN
                IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{role}') THEN
                    CREATE ROLE {role} LOGIN PASSWORD '{password}' NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
                END IF;
            END $$;
            GRANT USAGE ON SCHEMA public TO {role};
            GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role};
            GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {role};
            REVOKE ALL ON platform_schema_migrations FROM {role};
            """, cancellationToken);
        // An existing role may have been created by someone else: refuse to run with one that
        // could read across towns, rather than trying to alter it (which needs a superuser).
        await using var check = connection.CreateCommand();
        check.CommandText = "SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = @role";
        AddParameter(check, "role", role);
        if (await check.ExecuteScalarAsync(cancellationToken) is true)
        {
            throw new InvalidOperationException($"The application role '{role}' is a superuser or has BYPASSRLS; row-level security would not protect the towns' data.");
        }
    }

    private DbConnection Open() => database.Provider == DatabaseProvider.Postgres
        ? new NpgsqlConnection(database.MigrationConnectionString)
        : new SqliteConnection(database.MigrationConnectionString);

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static string Read(MigrationSource source, string resource)
    {
        using var stream = source.Assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex RoleName();
}
