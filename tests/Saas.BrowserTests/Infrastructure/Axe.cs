using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Saas.BrowserTests.Infrastructure;

/// <summary>axe-core with the WCAG 2.1 A/AA rules (the promise in ARCHITECTURE.md §9.4).</summary>
public static class Axe
{
    public static readonly IReadOnlyList<string> WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    /// <summary>Runs the WCAG rules on the page as it is now (main document and same-origin frames).</summary>
    /// <remarks>
    /// Uses the package's one-call mode (<c>RunAxeLegacy</c>: inject axe-core, then <c>axe.run</c>)
    /// rather than <c>RunAxe</c>. <c>RunAxe</c> runs <c>axe.runPartial</c> per frame and then
    /// finishes the run in a fresh page that it opens through <c>IBrowser.NewPageAsync</c>, i.e. a
    /// new browser context and renderer process plus a second 600 KB axe injection per call: 5x
    /// slower here (about 9 s against 2 s per page on a loaded 2-core machine), which would push this
    /// project's ~60 axe runs past its time budget. The isolated finish exists for cross-origin
    /// iframes, which our pages never have (the CSP's frame policy and our markup use none);
    /// results are the same <see cref="AxeResult"/>. Only violations carry all their nodes
    /// (<c>resultTypes</c>), which keeps the result transfer small.
    /// </remarks>
    public static async Task<AxeResult> RunWcagAsync(IPage page)
    {
        var options = new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. WcagTags] },
            ResultTypes = [ResultType.Violations],
        };
#pragma warning disable CS0618 // "Legacy Mode is being removed in the future": see remarks; switch to RunAxe then.
        return await page.RunAxeLegacy(context: null, options: options);
#pragma warning restore CS0618
    }

    /// <summary>One block per violated rule: id, impact, help, and every failing node's selector.</summary>
    public static string Describe(AxeResult result, string where)
    {
        var text = new StringBuilder();
        text.Append(result.Violations.Length).Append(" axe violation(s) on ").AppendLine(where);
        foreach (var violation in result.Violations)
        {
            text.Append("- ").Append(violation.Id).Append(" [").Append(violation.Impact ?? "?").Append("] ")
                .Append(violation.Help).Append(" (").Append(violation.HelpUrl).AppendLine(")");
            foreach (var node in violation.Nodes)
            {
                text.Append("    ").Append(node.Target?.ToString() ?? "?");
                // axe's failure summary: what failed of the node's "any" checks (one must pass),
                // "all" and "none" checks (all must pass / none may fail).
                var summary = string.Join("; ", new[] { node.Any, node.All, node.None }
                    .Where(checks => checks is not null).SelectMany(checks => checks)
                    .Select(check => check.Message).Where(m => !string.IsNullOrWhiteSpace(m)).Distinct());
                if (!string.IsNullOrEmpty(summary))
                {
                    text.Append(" :: ").Append(summary);
                }
                text.AppendLine();
            }
        }
        return text.ToString();
    }
}
