using Microsoft.Playwright;
using Xunit;

namespace RegionalTraining.BrowserTests.Infrastructure;

/// <summary>
/// Posting a form and waiting for what matters: the server's answer to the post (and the page it redirects to), not
/// the load state of the page the click started on — which is already "loaded", so waiting on it let the next step
/// run before the server had saved anything and failed busy runs by chance.
/// </summary>
public static class Forms
{
    /// <summary>Clicks a submit button; returns once the post was answered and the page shown after it has arrived.</summary>
    public static async Task<IResponse> PostAsync(IPage page, string buttonSelector)
    {
        var landed = page.WaitForResponseAsync(IsEndOfPost);
        await page.ClickAsync(buttonSelector);
        var response = await landed;
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
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
        await page.ClickAsync($".language-switcher a[lang={lang}]");
        await page.WaitForSelectorAsync($"html[lang^='{lang}']", new() { State = WaitForSelectorState.Attached });
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }
}
