namespace RegionalTraining.Web.ViewModels.Shared;

public sealed record ErrorViewModel(int StatusCode, string RequestId)
{
    public string TitleKey => StatusCode switch
    {
        403 => "You do not have access to this page",
        404 => "Page not found",
        400 => "The request could not be processed",
        413 => "What was sent is too large",
        429 => "Too many requests",
        _ when StatusCode >= 500 => "Something went wrong on our side",
        _ => "The request could not be processed",
    };

    public string MessageKey => StatusCode switch
    {
        403 => "Your account cannot open this page. If you think it should, ask the directorate.",
        404 => "The address may be wrong, or the page was moved or removed.",
        400 => "The form may have expired. Go back, reload the page and try again.",
        413 => "The form or the file is larger than the portal accepts. Go back, shorten the texts or choose a smaller file, and try again.",
        429 => "Wait a few minutes, then try again. Many requests in a short time are held back to protect the portal and its accounts.",
        _ when StatusCode >= 500 => "The error was recorded. Try again in a moment; if it happens again, give this reference to the directorate.",
        _ => "The form may have expired. Go back, reload the page and try again.",
    };
}
