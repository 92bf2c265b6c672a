using Microsoft.Extensions.Configuration;

namespace Saas.Kernel.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Which database the deployment uses: PostgreSQL when <c>ConnectionStrings:PostgresApp</c> is set,
/// else the embedded SQLite file. Migrations run with <see cref="MigrationConnectionString"/>
/// (the owner role); the application itself connects with <see cref="ConnectionString"/>.
/// </summary>
public sealed record DatabaseOptions(DatabaseProvider Provider, string ConnectionString, string MigrationConnectionString)
{
    public static DatabaseOptions FromConfiguration(IConfiguration configuration, string contentRoot)
    {
        var app = configuration.GetConnectionString("PostgresApp");
        var owner = configuration.GetConnectionString("Postgres");
        if (!string.IsNullOrWhiteSpace(app) || !string.IsNullOrWhiteSpace(owner))
        {
            if (string.IsNullOrWhiteSpace(app) || string.IsNullOrWhiteSpace(owner))
            {
                throw new InvalidOperationException(
                    "PostgreSQL needs both ConnectionStrings:Postgres (owner, for migrations) and ConnectionStrings:PostgresApp (the application role).");
            }
            return new DatabaseOptions(DatabaseProvider.Postgres, app, owner);
        }
        var folder = configuration["Platform:DataPath"] ?? "data";
        var path = Path.GetFullPath(Path.Combine(contentRoot, folder));
        Directory.CreateDirectory(path);
        var sqlite = $"Data Source={Path.Combine(path, "saas.db")};Cache=Shared;Pooling=True";
        return new DatabaseOptions(DatabaseProvider.Sqlite, sqlite, sqlite);
    }
}
