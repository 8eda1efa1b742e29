using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace RegionalTraining.BrowserTests.Infrastructure;

public static class Accessibility
{
    /// <summary>Runs axe-core on the page and fails on any serious or critical violation, naming them.</summary>
    public static async Task AssertNoSeriousViolationsAsync(IPage page)
    {
        var serious = await SeriousViolationsAsync(page);
        Assert.True(serious.Count == 0, $"axe on {page.Url}: {string.Join("; ", serious)}");
    }

    /// <summary>The serious and critical violations axe-core finds on the page, each with up to three of its elements.</summary>
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page)
    {
        var result = await page.RunAxe();
        return result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}")
            .ToList();
    }
}
