using System.Reflection;
using Saas.Host;
using Saas.Kernel.Modules;

namespace Saas.UnitTests.Architecture;

/// <summary>The deployment's parts as the host composes them.</summary>
internal static class Assemblies
{
    public static Assembly HostAssembly { get; } = typeof(ModuleCatalog).Assembly;

    public static Assembly KernelAssembly { get; } = typeof(IModule).Assembly;

    public static IReadOnlyList<IModule> Catalog => ModuleCatalog.All;

    public static IReadOnlyList<Assembly> ModuleAssemblies { get; } = [.. ModuleCatalog.All.Select(m => m.Assembly).Distinct()];

    /// <summary>The host and every module: where DbContexts, pages and view components live.</summary>
    public static IReadOnlyList<Assembly> Application { get; } = [HostAssembly, .. ModuleAssemblies];

    public static TheoryData<string> ModuleNames() => [.. ModuleAssemblies.Select(a => a.GetName().Name!)];

    public static Assembly Module(string name) => ModuleAssemblies.Single(a => a.GetName().Name == name);

    /// <summary>Root namespace of an assembly (its name, by the repository's convention).</summary>
    public static string Namespace(Assembly assembly) => assembly.GetName().Name!;
}
