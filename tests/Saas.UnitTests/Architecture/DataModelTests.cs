using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Saas.Kernel.Data;
using Saas.Kernel.Tenancy;
using static Saas.UnitTests.Architecture.Assemblies;

namespace Saas.UnitTests.Architecture;

/// <summary>
/// Tenant isolation in the EF model (ARCHITECTURE.md section 4): built from each DbContext with
/// SQLite options, no database is opened.
/// </summary>
public sealed class DataModelTests
{
    private static readonly IReadOnlyList<Type> ContextTypes =
        [.. Application.SelectMany(a => a.GetTypes()).Where(t => typeof(DbContext).IsAssignableFrom(t) && !t.IsAbstract)];

    public static TheoryData<string> Contexts() => [.. ContextTypes.Select(t => t.FullName!)];

    public static TheoryData<string> TenantContexts() =>
        [.. ContextTypes.Where(t => typeof(TenantDbContext).IsAssignableFrom(t)).Select(t => t.FullName!)];

    private static IModel ModelOf(string contextName)
    {
        var type = ContextTypes.Single(t => t.FullName == contextName);
        var options = ((DbContextOptionsBuilder)Activator.CreateInstance(typeof(DbContextOptionsBuilder<>).MakeGenericType(type))!)
            .UseSqlite("Data Source=:memory:").Options;
        var constructor = type.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance).Single();
        var arguments = constructor.GetParameters().Select(p => p.ParameterType switch
        {
            var t when typeof(DbContextOptions).IsAssignableFrom(t) => options,
            var t when t == typeof(ITenantContext) => (object)new AmbientTenantContext(),
            var t => throw new InvalidOperationException($"{type.Name} needs a {t.Name}; teach this test how to make one."),
        }).ToArray();
        using var context = (DbContext)constructor.Invoke(arguments);
        return context.Model;
    }

    private static IEnumerable<IEntityType> TenantOwned(IModel model) =>
        model.GetEntityTypes().Where(e => typeof(ITenantOwned).IsAssignableFrom(e.ClrType));

    [Fact]
    public void Every_module_with_migrations_has_a_DbContext_here_to_check() =>
        Assert.True(TenantContexts().Count >= Catalog.Count, $"{TenantContexts().Count} tenant contexts for {Catalog.Count} modules");

    [Theory]
    [MemberData(nameof(Contexts))]
    public void Every_tenant_owned_entity_has_a_primary_key_led_by_TenantId(string context)
    {
        foreach (var entity in TenantOwned(ModelOf(context)))
        {
            var key = entity.FindPrimaryKey();
            Assert.NotNull(key);
            Assert.True(key.Properties.Count >= 2, $"{entity.ClrType.Name}: the key must be (TenantId, ...)");
            Assert.Equal(nameof(ITenantOwned.TenantId), key.Properties[0].Name);
        }
    }

    [Theory]
    [MemberData(nameof(Contexts))]
    public void Every_foreign_key_and_unique_index_of_a_tenant_owned_entity_is_led_by_TenantId(string context)
    {
        foreach (var entity in TenantOwned(ModelOf(context)))
        {
            foreach (var foreignKey in entity.GetForeignKeys())
            {
                Assert.True(foreignKey.Properties[0].Name == nameof(ITenantOwned.TenantId),
                    $"{entity.ClrType.Name} -> {foreignKey.PrincipalEntityType.ClrType.Name} does not lead with TenantId: a row could point into another town");
            }
            foreach (var index in entity.GetIndexes().Where(i => i.IsUnique))
            {
                Assert.Equal(nameof(ITenantOwned.TenantId), index.Properties[0].Name);
            }
        }
    }

    [Theory]
    [MemberData(nameof(TenantContexts))]
    public void Every_entity_of_a_tenant_context_belongs_to_a_town_and_is_filtered_by_it(string context)
    {
        var model = ModelOf(context);
        Assert.NotEmpty(model.GetEntityTypes());
        foreach (var entity in model.GetEntityTypes().Where(e => !e.IsOwned()))
        {
            Assert.True(typeof(ITenantOwned).IsAssignableFrom(entity.ClrType), $"{entity.ClrType.Name} in {context} is not ITenantOwned");
            if (entity.BaseType is null)
            {
                Assert.NotNull(entity.FindDeclaredQueryFilter(TenantDbContext.TenantFilter));
            }
            Assert.Equal("tenant_id", entity.FindProperty(nameof(ITenantOwned.TenantId))!.GetColumnName());
        }
    }

    [Fact]
    public void Only_reviewed_control_plane_contexts_are_not_tenant_scoped() =>
        // Each entry is a deliberate exception: the town registry, the vendor's own support accounts,
        // the OpenID provider's signing and encryption keys (one pair for the deployment, ADR 0007),
        // support access grants (listed across towns by the console; a town reads only its own by id),
        // and signups (a municipality's request before its town exists; its id becomes the town's).
        Assert.Equal(
            ["Saas.Host.Accounts.PlatformStaffDbContext", "Saas.Host.OpenId.OpenIdKeyDbContext", "Saas.Host.Signup.SignupDbContext", "Saas.Host.Support.Access.SupportGrantsDbContext", "Saas.Host.Tenancy.RegistryDbContext"],
            ContextTypes.Where(t => !typeof(TenantDbContext).IsAssignableFrom(t)).Select(t => t.FullName!).Order(StringComparer.Ordinal));

    [Fact]
    public void A_modules_tables_carry_its_own_prefix()
    {
        foreach (var module in Catalog)
        {
            foreach (var type in ContextTypes.Where(t => t.Assembly == module.Assembly))
            {
                foreach (var entity in ModelOf(type.FullName!).GetEntityTypes())
                {
                    Assert.StartsWith(module.Migrations.Module + "_", entity.GetTableName(), StringComparison.Ordinal);
                }
            }
        }
    }
}
