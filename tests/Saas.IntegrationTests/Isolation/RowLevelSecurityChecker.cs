using Npgsql;

namespace Saas.IntegrationTests.Isolation;

/// <summary>
/// Reads the PostgreSQL catalog and lists every way the schema breaks the isolation rules of
/// ARCHITECTURE.md section 4. Kept apart from the tests so a test can run it against a
/// deliberately broken database and prove it reports what it should.
/// </summary>
public static class RowLevelSecurityChecker
{
    /// <summary>Control-plane tables that carry tenant_id but are read across towns by the registry path only.</summary>
    public static readonly IReadOnlySet<string> ControlPlaneWithTenantId =
        new HashSet<string>(StringComparer.Ordinal) { "platform_tenant_domains", "platform_tenant_features", "platform_support_grants" };

    /// <summary>Global tables that belong to no town; any other table without tenant_id is a forgotten one.</summary>
    public static readonly IReadOnlySet<string> GlobalTables =
        new HashSet<string>(StringComparer.Ordinal) { "platform_tenants", "platform_schema_migrations", "platform_openid_keys", "platform_staff", "platform_signups" };

    private const string Setting = "app.tenant_id";

    /// <summary>The town tables it checked, and their problems, one line each, naming the table; no problems when all is well.</summary>
    public static async Task<SchemaReport> CheckSchemaAsync(string ownerConnectionString)
    {
        var problems = new List<string>();
        await using var connection = new NpgsqlConnection(ownerConnectionString);
        await connection.OpenAsync();

        var tables = await ReadAsync(connection, """
            SELECT c.oid::int8, c.relname, c.relrowsecurity, c.relforcerowsecurity,
                   (SELECT a.attnum FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped)
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
            ORDER BY c.relname
            """, r => (Oid: r.GetInt64(0), Name: r.GetString(1), Rls: r.GetBoolean(2), Forced: r.GetBoolean(3), TenantAttnum: r.IsDBNull(4) ? (short?)null : r.GetInt16(4)));

        var tenantTables = tables.Where(t => t.TenantAttnum is not null && !ControlPlaneWithTenantId.Contains(t.Name)).ToList();
        foreach (var table in tables.Where(t => t.TenantAttnum is null && !GlobalTables.Contains(t.Name)))
        {
            problems.Add($"{table.Name}: has no tenant_id column and is not a known global table");
        }
        foreach (var table in tenantTables)
        {
            if (!table.Rls)
            {
                problems.Add($"{table.Name}: row-level security is not enabled");
            }
            if (!table.Forced)
            {
                problems.Add($"{table.Name}: row-level security is not forced (the owner would bypass it)");
            }
            await CheckPoliciesAsync(connection, table.Oid, table.Name, problems);
            await CheckUniqueIndexesAsync(connection, table.Oid, table.Name, table.TenantAttnum!.Value, problems);
        }
        await CheckForeignKeysAsync(connection, tenantTables.ToDictionary(t => t.Oid, t => (t.Name, t.TenantAttnum!.Value)), problems);
        return new SchemaReport(tenantTables.Select(t => t.Name).ToList(), problems);
    }

    /// <summary>Problems of the application role: it must exist, not be superuser, not bypass RLS, own no table and truncate none.</summary>
    public static async Task<IReadOnlyList<string>> FindAppRoleProblemsAsync(string ownerConnectionString, string role)
    {
        var problems = new List<string>();
        await using var connection = new NpgsqlConnection(ownerConnectionString);
        await connection.OpenAsync();
        var attributes = await ReadAsync(connection, "SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = @role",
            r => (Super: r.GetBoolean(0), Bypass: r.GetBoolean(1)), ("role", role));
        if (attributes.Count == 0)
        {
            problems.Add($"role {role}: does not exist");
            return problems;
        }
        if (attributes[0].Super)
        {
            problems.Add($"role {role}: is a superuser");
        }
        if (attributes[0].Bypass)
        {
            problems.Add($"role {role}: has BYPASSRLS");
        }
        // Membership in the owner's role would give the owner's rights (ALTER TABLE ... NO FORCE), so it counts as owning.
        var owned = await ReadAsync(connection, """
            SELECT schemaname || '.' || tablename || ' (owner ' || tableowner || ')' FROM pg_tables
            WHERE schemaname NOT IN ('pg_catalog', 'information_schema')
              AND (tableowner = @role OR pg_has_role(@role, tableowner, 'MEMBER'))
            ORDER BY 1
            """, r => r.GetString(0), ("role", role));
        problems.AddRange(owned.Select(t => $"role {role}: owns or is member of the owner of {t}"));
        // TRUNCATE ignores row-level security: with it, one town could empty a table for all towns.
        var truncatable = await ReadAsync(connection, """
            SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND has_table_privilege(@role, c.oid, 'TRUNCATE')
            ORDER BY 1
            """, r => r.GetString(0), ("role", role));
        problems.AddRange(truncatable.Select(t => $"role {role}: may TRUNCATE {t}, which ignores row-level security"));
        return problems;
    }

    private static async Task CheckPoliciesAsync(NpgsqlConnection connection, long oid, string table, List<string> problems)
    {
        var policies = await ReadAsync(connection, """
            SELECT polname, polcmd::text, polpermissive, pg_get_expr(polqual, polrelid), pg_get_expr(polwithcheck, polrelid)
            FROM pg_policy WHERE polrelid = @oid::oid
            """, r => (Name: r.GetString(0), Command: r.GetString(1), Permissive: r.GetBoolean(2),
                Using: r.IsDBNull(3) ? null : r.GetString(3), Check: r.IsDBNull(4) ? null : r.GetString(4)), ("oid", oid));
        if (!policies.Any(p => p.Command == "*" && p.Permissive && IsTenantCheck(p.Using) && IsTenantCheck(p.Check)))
        {
            problems.Add($"{table}: no policy for all commands whose USING and WITH CHECK compare tenant_id with {Setting}");
        }
        // Permissive policies are OR-ed: one that does not compare the town opens the table to every town.
        foreach (var policy in policies.Where(p => p.Permissive
            && ((p.Using is not null && !IsTenantCheck(p.Using)) || (p.Check is not null && !IsTenantCheck(p.Check)))))
        {
            problems.Add($"{table}: permissive policy {policy.Name} does not compare tenant_id with {Setting}");
        }
    }

    private static bool IsTenantCheck(string? expression) =>
        expression is not null
        && expression.Contains(Setting, StringComparison.Ordinal)
        && expression.Replace(Setting, string.Empty, StringComparison.Ordinal).Contains("tenant_id", StringComparison.Ordinal);

    private static async Task CheckUniqueIndexesAsync(NpgsqlConnection connection, long oid, string table, short tenantAttnum, List<string> problems)
    {
        var indexes = await ReadAsync(connection, """
            SELECT i.indexrelid::regclass::text, i.indisprimary, i.indkey[0]
            FROM pg_index i WHERE i.indrelid = @oid::oid AND i.indisunique
            """, r => (Name: r.GetString(0), Primary: r.GetBoolean(1), First: r.GetInt16(2)), ("oid", oid));
        if (!indexes.Any(i => i.Primary))
        {
            problems.Add($"{table}: has no primary key");
        }
        foreach (var index in indexes.Where(i => i.First != tenantAttnum))
        {
            problems.Add($"{table}: {(index.Primary ? "primary key" : "unique index")} {index.Name} does not start with tenant_id");
        }
    }

    private static async Task CheckForeignKeysAsync(NpgsqlConnection connection, Dictionary<long, (string Name, short TenantAttnum)> tenantTables, List<string> problems)
    {
        var keys = await ReadAsync(connection, """
            SELECT conname, conrelid::int8, confrelid::int8, conkey, confkey
            FROM pg_constraint WHERE contype = 'f'
            """, r => (Name: r.GetString(0), From: r.GetInt64(1), To: r.GetInt64(2), Columns: r.GetFieldValue<short[]>(3), Referenced: r.GetFieldValue<short[]>(4)));
        foreach (var key in keys.Where(k => tenantTables.ContainsKey(k.From) && tenantTables.ContainsKey(k.To)))
        {
            var position = Array.IndexOf(key.Columns, tenantTables[key.From].TenantAttnum);
            // tenant_id must be in the key and point at the referenced table's tenant_id, so a row can only reference its own town.
            if (position < 0 || key.Referenced[position] != tenantTables[key.To].TenantAttnum)
            {
                problems.Add($"{tenantTables[key.From].Name}: foreign key {key.Name} to {tenantTables[key.To].Name} does not match tenant_id to tenant_id");
            }
        }
    }

    private static async Task<List<T>> ReadAsync<T>(NpgsqlConnection connection, string sql, Func<NpgsqlDataReader, T> map, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(map(reader));
        }
        return rows;
    }
}

/// <summary>What <see cref="RowLevelSecurityChecker.CheckSchemaAsync"/> looked at and found.</summary>
public sealed record SchemaReport(IReadOnlyList<string> TenantTables, IReadOnlyList<string> Problems);
