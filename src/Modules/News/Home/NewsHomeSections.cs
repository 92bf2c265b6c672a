using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace Saas.Modules.News.Home;

// View components must be public types, while the module's services stay internal; so these
// two resolve their query service from the request instead of taking it in a constructor.

/// <summary>Urgent notices as a banner above the town's home page.</summary>
public sealed class UrgentNoticesViewComponent : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        await NewsCacheWindow.ApplyAsync(HttpContext, HttpContext.RequestAborted);
        return View(await HttpContext.RequestServices.GetRequiredService<NewsQueries>().UrgentAsync(HttpContext.RequestAborted));
    }
}

/// <summary>The latest articles as a card on the town's home page.</summary>
public sealed class LatestNewsViewComponent : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        await NewsCacheWindow.ApplyAsync(HttpContext, HttpContext.RequestAborted);
        return View(await HttpContext.RequestServices.GetRequiredService<NewsQueries>().LatestAsync(3, HttpContext.RequestAborted));
    }
}
