using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Razor.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Saas.Host;
using Saas.Kernel.Modules;
using static Saas.UnitTests.Architecture.Assemblies;

namespace Saas.UnitTests.Architecture;

/// <summary>Everything a module shows is gated by its feature key (a town without the feature never sees it).</summary>
public sealed class FeatureGatingTests
{
    /// <summary>Every compiled Razor page of an assembly with its handler type, as MVC's page model provider pairs them.</summary>
    private static IEnumerable<(string Path, TypeInfo Page, TypeInfo Handler)> RazorPages(Assembly assembly) =>
        assembly.GetCustomAttributes<RazorCompiledItemAttribute>()
            .Where(item => item.Kind == "mvc.1.0.razor-page")
            .Select(item =>
            {
                var model = item.Type.GetProperty("Model")?.PropertyType;
                var handler = model is not null && typeof(PageModel).IsAssignableFrom(model) ? model : item.Type;
                return (item.Identifier, item.Type.GetTypeInfo(), handler.GetTypeInfo());
            });

    private static PageApplicationModel Apply((string Path, TypeInfo Page, TypeInfo Handler) page)
    {
        var model = new PageApplicationModel(new PageActionDescriptor { RelativePath = page.Path }, page.Handler, page.Handler, [])
        {
            PageType = page.Page,
        };
        new ModuleFeatureConvention(Catalog).Apply(model);
        return model;
    }

    [Theory]
    [MemberData(nameof(ModuleNames), MemberType = typeof(Assemblies))]
    public void Every_page_of_a_module_requires_the_modules_feature(string name)
    {
        var module = Catalog.Single(m => m.Assembly == Module(name));
        var pages = RazorPages(module.Assembly).ToList();
        Assert.NotEmpty(pages);

        foreach (var page in pages)
        {
            var gate = Assert.Single(Apply(page).EndpointMetadata.OfType<RequiresFeatureAttribute>());
            Assert.Equal(module.FeatureKey, gate.FeatureKey);
        }
    }

    [Fact]
    public void A_page_model_from_a_module_is_gated_even_when_the_page_type_is_elsewhere()
    {
        var handler = Catalog[0].Assembly.GetTypes().First(t => typeof(PageModel).IsAssignableFrom(t)).GetTypeInfo();
        var model = new PageApplicationModel(new PageActionDescriptor(), handler, handler, []) { PageType = typeof(object).GetTypeInfo() };

        new ModuleFeatureConvention(Catalog).Apply(model);

        Assert.Equal(Catalog[0].FeatureKey, Assert.Single(model.EndpointMetadata.OfType<RequiresFeatureAttribute>()).FeatureKey);
    }

    [Fact]
    public void The_hosts_own_pages_are_not_gated_by_any_feature()
    {
        var pages = RazorPages(HostAssembly).ToList();
        Assert.NotEmpty(pages);

        foreach (var page in pages)
        {
            Assert.Empty(Apply(page).EndpointMetadata.OfType<RequiresFeatureAttribute>());
        }
    }

    [Theory]
    [MemberData(nameof(ModuleNames), MemberType = typeof(Assemblies))]
    public void Every_page_model_of_a_module_belongs_to_a_compiled_page(string name)
    {
        // A page model without a page would never be seen by the convention.
        var assembly = Module(name);
        var handlers = RazorPages(assembly).Select(p => p.Handler.AsType()).ToHashSet();

        Assert.All(assembly.GetTypes().Where(t => typeof(PageModel).IsAssignableFrom(t) && !t.IsAbstract), t => Assert.Contains(t, handlers));
    }

    [Theory]
    [MemberData(nameof(ModuleNames), MemberType = typeof(Assemblies))]
    public void Every_view_component_of_a_module_is_a_home_section_gated_by_the_modules_feature(string name)
    {
        var module = Catalog.Single(m => m.Assembly == Module(name));
        var services = new ServiceCollection();
        module.AddServices(services, new ConfigurationBuilder().Build());
        var sections = services.Select(d => d.ImplementationInstance).OfType<HomeSection>().ToList();

        foreach (var component in module.Assembly.GetTypes().Where(t => typeof(ViewComponent).IsAssignableFrom(t) && !t.IsAbstract))
        {
            var componentName = component.GetCustomAttribute<ViewComponentAttribute>()?.Name
                ?? component.Name[..^"ViewComponent".Length];
            var section = sections.SingleOrDefault(s => s.ViewComponent == componentName);
            Assert.True(section is not null, $"{component.Name} is not registered as a HomeSection, so nothing gates it by '{module.FeatureKey}'");
            Assert.Equal(module.FeatureKey, section.FeatureKey);
        }
        Assert.All(sections, s => Assert.Equal(module.FeatureKey, s.FeatureKey));
    }

    [Fact]
    public void Every_navigation_entry_and_permission_of_a_module_is_its_own()
    {
        foreach (var module in Catalog)
        {
            Assert.All(module.Permissions, p => Assert.StartsWith(module.FeatureKey + ".", p.Name, StringComparison.Ordinal));
            Assert.All(module.Navigation, n => Assert.StartsWith("/", n.Href, StringComparison.Ordinal));
        }
    }
}
