using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Saas.Kernel.Tenancy;

namespace Saas.Kernel.Data;

/// <summary>
/// Wall three: tells PostgreSQL which town this connection works for, every time a connection
/// is opened, so row-level security filters and checks every statement. A pooled connection
/// never keeps the previous town: the setting is rewritten on each open, and an empty value
/// (no town) matches no row.
/// </summary>
public sealed class TenantConnectionInterceptor(ITenantContext tenant) : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = CreateCommand(connection);
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = CreateCommand(connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private DbCommand CreateCommand(DbConnection connection) =>
        TenantSession.CreateSetCommand(connection, tenant.TenantId);
}

/// <summary>The one place that knows how the town is handed to PostgreSQL.</summary>
public static class TenantSession
{
    public const string Setting = "app.tenant_id";

    public static DbCommand CreateSetCommand(DbConnection connection, Guid? tenantId)
    {
        var command = connection.CreateCommand();
        command.CommandText = $"SELECT set_config('{Setting}', @tenant, false)";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "tenant";
        parameter.Value = tenantId?.ToString() ?? string.Empty;
        command.Parameters.Add(parameter);
        return command;
    }
}
