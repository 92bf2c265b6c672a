using Microsoft.Extensions.DependencyInjection;

namespace Saas.Kernel.Media;

public static class MediaServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ImageSanitizer"/> and <see cref="SvgSanitizer"/> once for the deployment:
    /// one image sanitizer means one limit on concurrent decodes across every town.
    /// </summary>
    public static IServiceCollection AddMediaSanitizers(
        this IServiceCollection services, Action<ImageSanitizerOptions>? images = null, Action<SvgSanitizerOptions>? svg = null)
    {
        var imageOptions = new ImageSanitizerOptions();
        images?.Invoke(imageOptions);
        var svgOptions = new SvgSanitizerOptions();
        svg?.Invoke(svgOptions);
        services.AddSingleton(new ImageSanitizer(imageOptions));
        services.AddSingleton(new SvgSanitizer(svgOptions));
        services.AddSingleton<BrandImageSanitizer>();
        return services;
    }
}
