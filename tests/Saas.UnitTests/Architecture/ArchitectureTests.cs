using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using NetArchTest.Rules;
using Saas.Kernel.Data;
using Saas.Kernel.Modules;
using static Saas.UnitTests.Architecture.Assemblies;

namespace Saas.UnitTests.Architecture;

/// <summary>Module boundaries (ARCHITECTURE.md section 5): modules reference the kernel only, never each other or the host.</summary>
public sealed partial class ArchitectureTests
{
    [Fact]
    public void The_catalog_has_modules_and_each_lives_in_its_own_assembly()
    {
        Assert.NotEmpty(Catalog);
        Assert.Equal(Catalog.Count, ModuleAssemblies.Count);
        Assert.DoesNotContain(HostAssembly, ModuleAssemblies);
        Assert.DoesNotContain(KernelAssembly, ModuleAssemblies);
    }

    [Theory]
    [MemberData(nameof(ModuleNames), MemberType = typeof(Assemblies))]
    public void A_module_references_neither_the_host_nor_another_module(string name)
    {
        var module = Module(name);
        var forbidden = Application.Where(a => a != module).Select(a => a.GetName().Name!).ToHashSet(StringComparer.Ordinal);

        var referenced = module.GetReferencedAssemblies().Select(a => a.Name!).Where(forbidden.Contains).ToList();
        var result = Types.InAssembly(module).ShouldNot().HaveDependencyOnAny([.. forbidden.Select(n => n + ".")]).GetResult();

        Assert.Empty(referenced);
        Assert.True(result.IsSuccessful, "Depends on the host or another module: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Theory]
    [MemberData(nameof(ModuleNames), MemberType = typeof(Assemblies))]
    public void A_module_references_the_kernel(string name) =>
        Assert.Contains(Module(name).GetReferencedAssemblies(), a => a.Name == KernelAssembly.GetName().Name);

    [Fact]
    public void The_kernel_references_neither_the_host_nor_any_module()
    {
        var forbidden = Application.Select(a => a.GetName().Name!).ToList();

        Assert.DoesNotContain(KernelAssembly.GetReferencedAssemblies(), a => forbidden.Contains(a.Name!));
        var result = Types.InAssembly(KernelAssembly).ShouldNot().HaveDependencyOnAny([.. forbidden.Select(n => n + "."), "Saas.Modules."]).GetResult();
        Assert.True(result.IsSuccessful, "Kernel depends on: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void The_kernels_data_types_do_not_depend_on_MVC()
    {
        var result = Types.InAssembly(KernelAssembly)
            .That().ResideInNamespace(typeof(ITenantOwned).Namespace!)
            .ShouldNot().HaveDependencyOnAny("Microsoft.AspNetCore.Mvc", "Microsoft.AspNetCore.Http", "Microsoft.AspNetCore.Routing")
            .GetResult();

        Assert.True(result.IsSuccessful, "Depends on ASP.NET: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Theory]
    [MemberData(nameof(ModuleNames), MemberType = typeof(Assemblies))]
    public void A_modules_types_live_under_its_own_namespace(string name)
    {
        var module = Module(name);
        var outside = module.GetTypes()
            .Where(t => t.DeclaringType is null && !t.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false))
            .Where(t => t.Namespace is not ("AspNetCoreGeneratedDocument" or "Microsoft.CodeAnalysis") && t.Namespace?.StartsWith("System.", StringComparison.Ordinal) != true)
            .Where(t => t.Namespace is null || !(t.Namespace + ".").StartsWith(Namespace(module) + ".", StringComparison.Ordinal))
            .Select(t => t.FullName)
            .ToList();

        Assert.True(outside.Count == 0, "Outside the module's namespace: " + string.Join(", ", outside));
    }

    [Fact]
    public void Every_module_declares_a_unique_lower_case_feature_key()
    {
        foreach (var module in Catalog)
        {
            Assert.Matches(FeatureKey(), module.FeatureKey);
            Assert.False(string.IsNullOrWhiteSpace(module.NameKey), $"{module.GetType().Name} has no name key");
        }
        var duplicates = Catalog.GroupBy(m => m.FeatureKey).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(duplicates);
    }

    [Fact]
    public void Every_module_names_its_own_migrations_uniquely()
    {
        foreach (var module in Catalog)
        {
            Assert.Same(module.Assembly, module.Migrations.Assembly);
            Assert.Matches("^[a-z][a-z0-9_]*$", module.Migrations.Module);
        }
        var names = Catalog.Select(m => m.Migrations.Module).Append("platform").ToList();
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
    }

    public static TheoryData<string> MigrationSources() => [.. Catalog.Select(m => m.Migrations.Module).Prepend("platform")];

    [Theory]
    [MemberData(nameof(MigrationSources))]
    public void Both_providers_have_the_same_migrations(string source)
    {
        var migrations = source == "platform"
            ? new MigrationSource("platform", HostAssembly)
            : Catalog.Single(m => m.Migrations.Module == source).Migrations;

        var postgres = MigrationRunner.Scripts(migrations, "postgres");
        var sqlite = MigrationRunner.Scripts(migrations, "sqlite");

        Assert.NotEmpty(postgres);
        Assert.Equal(postgres.Select(s => s.Version), sqlite.Select(s => s.Version));
        Assert.All(postgres.Concat(sqlite), s =>
        {
            Assert.Matches("^[0-9]{4}_[a-z0-9_]+$", s.Version);
            Assert.False(string.IsNullOrWhiteSpace(s.Sql), $"{source}/{s.Version} is empty");
        });
    }

    [GeneratedRegex("^[a-z][a-z0-9-]*$")]
    private static partial Regex FeatureKey();
}
