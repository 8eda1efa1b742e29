using Microsoft.Playwright;
using Xunit;

namespace RegionalTraining.BrowserTests.Infrastructure;

/// <summary>
/// Posting a form and waiting for what matters: the server's answer to the post (and the page it redirects to), then
/// that page's document, parsed. Two load-state waits failed busy runs by chance, each in its own way:
/// - the load state of the page the click started on is already "loaded", so waiting on it let the next step run
///   before the server had saved anything;
/// - Playwright's <c>WaitForLoadStateAsync</c> checks the states it has seen, then subscribes to the next one; when the
///   new page's "DOMContentLoaded" arrived between the two (a busy machine) the wait missed it and ran out after a
///   minute with only "NetworkIdle" in its log (CI, 2026-12-03).
/// So the old document is marked before the click, and the wait is a condition polled in the page, which Playwright
/// keeps polling across the navigation: a document without the mark, past parsing.
/// </summary>
public static class Forms
{
    /// <summary>Clicks a submit button; returns once the post was answered and the page shown after it is parsed.</summary>
    public static async Task<IResponse> PostAsync(IPage page, string buttonSelector)
    {
        await Documents.MarkCurrentAsync(page);
        var landed = page.WaitForResponseAsync(IsEndOfPost);
        await page.ClickAsync(buttonSelector);
        var response = await landed;
        await Documents.WaitForNextAsync(page);
        return response;
    }

    /// <summary>As <see cref="PostAsync"/> for a button that asks for confirmation first; accepts it and returns the question.</summary>
    public static async Task<string> ConfirmAndPostAsync(IPage page, string buttonSelector)
    {
        var question = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Accept(object? sender, IDialog dialog)
        {
            question.TrySetResult(dialog.Message);
            _ = dialog.AcceptAsync();
        }

        page.Dialog += Accept;
        try
        {
            await PostAsync(page, buttonSelector);
        }
        finally
        {
            page.Dialog -= Accept;
        }

        Assert.True(question.Task.IsCompleted, $"{buttonSelector} posted without asking for confirmation");
        return await question.Task;
    }

    /// <summary>The page after a post: the post's own answer when it shows a page (409, 422…), else where it redirected to.</summary>
    private static bool IsEndOfPost(IResponse response) =>
        response.Request.IsNavigationRequest
        && ((response.Request.Method == "POST" && response.Status is < 300 or >= 400) || response.Request.RedirectedFrom?.Method == "POST");
}

/// <summary>The language switcher: waits for the page in the new language, since the address stays the same.</summary>
public static class Languages
{
    /// <param name="lang">"ar", "fr" or "en", as the switcher's links are marked.</param>
    public static async Task SwitchAsync(IPage page, string lang)
    {
        await Documents.MarkCurrentAsync(page);
        await page.ClickAsync($".language-switcher a[lang={lang}]");
        await Documents.WaitForNextAsync(page);
        await page.WaitForSelectorAsync($"html[lang^='{lang}']", new() { State = WaitForSelectorState.Attached });
    }
}

/// <summary>
/// Which document the page shows: the one a step started on, marked, or the next one. Conditions polled in the page
/// rather than Playwright's load-state events, which a wait can miss (see <see cref="Forms"/>).
/// </summary>
public static class Documents
{
    /// <summary>Marks the document shown now, so that <see cref="WaitForNextAsync"/> can tell it from the next.</summary>
    public static Task MarkCurrentAsync(IPage page) =>
        page.EvaluateAsync("() => { document.documentElement.dataset.testLeft = '1'; }");

    /// <summary>Waits until the page shows a document without the mark, loaded (its scripts have run).</summary>
    public static Task WaitForNextAsync(IPage page) =>
        page.WaitForFunctionAsync("() => document.documentElement.dataset.testLeft === undefined && document.readyState === 'complete'");

    /// <summary>
    /// Runs a click (or a submit) that leaves the page, waits for the next document, loaded, and checks where it is.
    /// Instead of <c>WaitForURLAsync</c>, whose wait for the "load" event after the navigation can miss it the same way.
    /// </summary>
    public static async Task FollowAsync(IPage page, Func<Task> click, Func<string, bool> arrived)
    {
        await MarkCurrentAsync(page);
        await click();
        await WaitForNextAsync(page);
        Assert.True(arrived(page.Url), $"the page arrived at {page.Url}");
    }
}
