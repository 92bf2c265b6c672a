using Npgsql;
using Saas.TestInfrastructure;

namespace Saas.IntegrationTests.Isolation;

/// <summary>
/// Wall three is only as good as the schema: every town table must have row-level security on,
/// forced, with a policy on tenant_id, and tenant_id leading its keys. This reads the catalog
/// after the app migrated, so a new module's table cannot slip through without it.
/// </summary>
public sealed class RowLevelSecurityMetaTests(MigratedDatabaseFixture migrated) : IClassFixture<MigratedDatabaseFixture>
{
    [Fact]
    public async Task Given_the_migrated_schema_When_the_catalog_is_read_Then_every_town_table_has_forced_rls_and_tenant_leading_keys()
    {
        var report = await RowLevelSecurityChecker.CheckSchemaAsync(migrated.Database.OwnerConnectionString);

        // Guards against a vacuous pass (e.g. migrations that did not run): the known town tables were checked.
        Assert.Superset(new HashSet<string> { "core_pages", "core_opening_hours", "core_media", "news_categories", "news_articles", "appointments_bookings", "appointments_slot_counts",
            "appointments_email_guards", "appointments_submissions", "appointments_special_days", "appointments_service_locations",
            "waste_types", "waste_areas", "waste_streets", "waste_collections",
            "waste_subscriptions", "waste_reminders_sent", "waste_notices", "waste_notice_areas", "waste_notices_sent", "waste_rules", "waste_rule_exceptions",
            "coworking_spaces", "coworking_hours", "coworking_workplaces", "coworking_passes", "coworking_bookings" },
            report.TenantTables.ToHashSet());
        Assert.True(report.Problems.Count == 0, "Isolation rules broken:\n" + string.Join("\n", report.Problems));
    }

    [Fact]
    public async Task Given_the_migrated_database_When_the_app_role_is_inspected_Then_it_is_no_superuser_cannot_bypass_rls_owns_nothing_and_cannot_truncate()
    {
        var problems = await RowLevelSecurityChecker.FindAppRoleProblemsAsync(migrated.Database.OwnerConnectionString, migrated.Database.AppRole);

        Assert.True(problems.Count == 0, "Application role problems:\n" + string.Join("\n", problems));
    }

    [Fact]
    public async Task Given_a_database_with_broken_tables_and_a_privileged_role_When_checked_Then_every_breach_is_reported()
    {
        var server = await PostgresServer.GetAsync();
        var owner = await server.CreateDatabaseAsync("rls_meta_bad");
        var role = PostgresServer.UniqueName("bad_app");
        try
        {
            await ExecuteAsync(owner, BrokenSchema(role));

            var report = await RowLevelSecurityChecker.CheckSchemaAsync(owner);
            var roleProblems = await RowLevelSecurityChecker.FindAppRoleProblemsAsync(owner, role);

            var all = string.Join("\n", report.Problems.Concat(roleProblems));
            Assert.All(new[]
            {
                "bad_no_rls: row-level security is not enabled",
                "bad_no_rls: row-level security is not forced",
                "bad_no_rls: no policy",
                "bad_not_forced: row-level security is not forced",
                "bad_open_policy: permissive policy everyone",
                "bad_policy_without_setting: no policy",
                "bad_key_order: primary key bad_key_order_pkey does not start with tenant_id",
                "bad_key_order: unique index bad_key_order_slug_tenant_id_key does not start with tenant_id",
                "bad_fk: foreign key bad_fk_parent to good_parent does not match tenant_id",
                "bad_no_tenant: has no tenant_id column",
                $"role {role}: is a superuser",
                $"role {role}: has BYPASSRLS",
                $"role {role}: owns or is member of the owner of public.bad_owned",
                $"role {role}: may TRUNCATE good_parent",
            }, expected => Assert.Contains(expected, all, StringComparison.Ordinal));
            // The well-formed tables (and the control-plane allow-list) are not reported: the checker does not cry wolf.
            Assert.DoesNotContain(report.Problems, p => p.StartsWith("good_parent:", StringComparison.Ordinal)
                || p.StartsWith("bad_owned:", StringComparison.Ordinal) || p.StartsWith("platform_tenant_features:", StringComparison.Ordinal));
            Assert.Contains("good_parent", report.TenantTables);
        }
        finally
        {
            await server.DropDatabaseAsync(owner);
            await ExecuteAsync(server.SuperuserConnectionString, $"DROP ROLE IF EXISTS {role}");
        }
    }

    private static string BrokenSchema(string role) => $"""
        CREATE TABLE good_parent (tenant_id uuid NOT NULL, id uuid NOT NULL, slug text NOT NULL,
            PRIMARY KEY (tenant_id, id), UNIQUE (tenant_id, slug));
        CREATE TABLE bad_owned (tenant_id uuid NOT NULL, id uuid NOT NULL, PRIMARY KEY (tenant_id, id));
        CREATE TABLE bad_no_rls (tenant_id uuid NOT NULL, id uuid NOT NULL, PRIMARY KEY (tenant_id, id));
        CREATE TABLE bad_not_forced (tenant_id uuid NOT NULL, id uuid NOT NULL, PRIMARY KEY (tenant_id, id));
        CREATE TABLE bad_open_policy (tenant_id uuid NOT NULL, id uuid NOT NULL, PRIMARY KEY (tenant_id, id));
        CREATE TABLE bad_policy_without_setting (tenant_id uuid NOT NULL, id uuid NOT NULL, PRIMARY KEY (tenant_id, id));
        CREATE TABLE bad_key_order (tenant_id uuid NOT NULL, id uuid NOT NULL, slug text NOT NULL,
            PRIMARY KEY (id), UNIQUE (slug, tenant_id));
        CREATE TABLE bad_fk (tenant_id uuid NOT NULL, id uuid NOT NULL, other_tenant uuid NOT NULL, parent_id uuid NOT NULL,
            PRIMARY KEY (tenant_id, id),
            CONSTRAINT bad_fk_parent FOREIGN KEY (other_tenant, parent_id) REFERENCES good_parent (tenant_id, id));
        CREATE TABLE bad_no_tenant (id uuid PRIMARY KEY);
        CREATE TABLE platform_tenant_features (tenant_id uuid NOT NULL, feature_key text NOT NULL, PRIMARY KEY (tenant_id, feature_key));
        DO $$
        DECLARE t text;
        BEGIN
            FOREACH t IN ARRAY ARRAY['good_parent', 'bad_owned', 'bad_not_forced', 'bad_open_policy', 'bad_key_order', 'bad_fk'] LOOP
                EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
                IF t <> 'bad_not_forced' THEN
                    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
                END IF;
                EXECUTE format($p$CREATE POLICY tenant_isolation ON %I
                    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
                    WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)$p$, t);
            END LOOP;
        END $$;
        CREATE POLICY everyone ON bad_open_policy USING (true);
        ALTER TABLE bad_policy_without_setting ENABLE ROW LEVEL SECURITY;
        ALTER TABLE bad_policy_without_setting FORCE ROW LEVEL SECURITY;
        CREATE POLICY by_user ON bad_policy_without_setting USING (tenant_id IS NOT NULL) WITH CHECK (tenant_id IS NOT NULL);
        CREATE ROLE {role} LOGIN SUPERUSER BYPASSRLS;
        ALTER TABLE bad_owned OWNER TO {role};
        """;

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
