using Microsoft.Playwright;

namespace Saas.BrowserTests.Infrastructure;

/// <summary>
/// Checks the page a test has open the way AccessibilityTests checks resident pages: axe-core's
/// WCAG 2.1 A/AA rules, and at phone width no horizontal scrolling (WCAG 1.4.10). Problems are
/// collected, so one test case walking many pages reports all of them at once.
/// </summary>
public sealed class PageChecks(IPage page, int width)
{
    public List<string> Problems { get; } = [];

    /// <summary>Opens <paramref name="url"/>, expects <paramref name="status"/>, then checks the page.</summary>
    public async Task VisitAsync(string what, string url, int status = 200)
    {
        var response = await page.GotoAsync(url);
        if (response?.Status != status)
        {
            Problems.Add($"{what}: {url} answered {response?.Status}, expected {status}");
        }
        await CheckAsync(what);
    }

    /// <summary>Checks the page as it is now.</summary>
    public async Task CheckAsync(string what)
    {
        var where = $"{what} ({page.Url} at {width}px)";
        var result = await Axe.RunWcagAsync(page);
        if (result.Violations.Length > 0)
        {
            Problems.Add(Axe.Describe(result, where));
        }
        if (width == Viewports.Phone && await Reflow.OverflowAsync(page) is { } overflow)
        {
            Problems.Add($"{where} scrolls horizontally: {overflow}");
        }
    }

    /// <summary>Fails with every problem found, if any.</summary>
    public void AssertNone() => Assert.True(Problems.Count == 0, string.Join("\n", Problems));
}

/// <summary>Horizontal scrolling at the page's width, with the elements that cause it.</summary>
public static class Reflow
{
    /// <summary>Null when the page fits its viewport; else the widths and the elements sticking out on the right.</summary>
    public static async Task<string?> OverflowAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        return widths[0] <= widths[1]
            ? null
            : $"scrollWidth {widths[0]} > innerWidth {widths[1]}; elements sticking out on the right: {await OverflowingElementsAsync(page)}";
    }

    /// <summary>Names the elements that reach past the right edge, to make a reflow failure actionable.</summary>
    public static Task<string> OverflowingElementsAsync(IPage page) => page.EvaluateAsync<string>("""
        () => [...document.querySelectorAll('body *')]
          // Content of a scrolling box does not widen the page, unless it is positioned against something outside it.
          .filter(e => { if (getComputedStyle(e).position === 'absolute') return true; for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) { if (['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(p).overflowX)) return false; } return true; })
          .map(e => [e, e.getBoundingClientRect().right])
          .filter(([, right]) => right > window.innerWidth + 0.5)
          .sort((a, b) => b[1] - a[1]).slice(0, 5)
          .map(([e, right]) => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\s+/).join('.') : ''} (right edge ${Math.round(right)} px)`)
          .join(', ') || '(none found)'
        """);
}

/// <summary>Moving through a page with the Tab key only.</summary>
public static class KeyboardOnly
{
    /// <summary>Presses Tab until the element with <paramref name="id"/> has the focus (at most 80 times).</summary>
    public static async Task TabToAsync(IPage page, string id)
    {
        for (var i = 0; i < 80; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<string>("() => document.activeElement?.id ?? ''") == id)
            {
                return;
            }
        }
        throw new Xunit.Sdk.XunitException($"Tab never reached #{id} on {page.Url}");
    }

    /// <summary>Presses Tab until the focused element matches <paramref name="selector"/> (the first one reached), as a keyboard user does.</summary>
    public static async Task TabToMatchAsync(IPage page, string selector, int maxTabs = 120)
    {
        for (var i = 0; i < maxTabs; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", selector))
            {
                return;
            }
        }
        throw new Xunit.Sdk.XunitException($"{maxTabs} presses of Tab never reached {selector} on {page.Url}");
    }

    /// <summary>Presses Tab until a link or button whose visible text is <paramref name="text"/> has the focus, then Enter.</summary>
    public static async Task ActivateAsync(IPage page, string text)
    {
        for (var i = 0; i < 80; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if ((await page.EvaluateAsync<string>("() => document.activeElement?.innerText?.trim() ?? ''")) == text)
            {
                await page.Keyboard.PressAsync("Enter");
                return;
            }
        }
        throw new Xunit.Sdk.XunitException($"Tab never reached \"{text}\" on {page.Url}");
    }
}
