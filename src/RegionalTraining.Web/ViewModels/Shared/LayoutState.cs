using System.Globalization;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Notifications;

namespace RegionalTraining.Web.ViewModels.Shared;

/// <summary>
/// What the layout shows that is not the same for everyone in one language: the menu rights, the notices badge's
/// count and the name in the account menu. The layout reads nothing else per person (its language links follow the
/// page's address, its messages the redirect that set them), so <see cref="Key"/> with the address and the language
/// is everything a rendered page's layout depends on (docs/decisions/0038-rendered-signed-in-pages.md).
/// </summary>
public sealed record LayoutState(string? UserId, string? UserName, bool DirectorateWork, bool ManageAccounts, int Unread)
{
    public bool SignedIn => UserId is not null;

    /// <summary>Everything the main menu depends on besides the language: its links are the same for everyone with the same rights.</summary>
    public string MenuKey => string.Create(CultureInfo.InvariantCulture, $"{SignedIn}:{DirectorateWork}:{ManageAccounts}");

    /// <summary>Every field above, for the key of a page rendered with this layout.</summary>
    public string Key => string.Create(CultureInfo.InvariantCulture, $"{UserId}\n{UserName}\n{MenuKey}\n{Unread}");
}

/// <summary>
/// The request's <see cref="LayoutState"/>, read once. Rights come from the access scope (the database, never the
/// cookie's claims). The unread count is the one the session check read for this request (<see cref="SignedInRequest"/>,
/// docs/decisions/0029), else one indexed count query; the layout renders the badge itself, cached per count and
/// language: a view component cost a component lookup and a view per page (docs/decisions/0032-signed-in-floor.md).
/// </summary>
public sealed class LayoutStates(IAccessScopeProvider scopes, SignedInRequest signedIn, IServiceProvider services)
{
    private LayoutState? _state;

    public async ValueTask<LayoutState> GetAsync(HttpContext context) => _state ??= await ReadAsync(context);

    private async Task<LayoutState> ReadAsync(HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        var scope = await scopes.GetAsync(cancellationToken);
        if (scope.UserId is not { } userId)
        {
            return new LayoutState(null, null, false, false, 0);
        }

        // The notification service is resolved only when the count must be queried (a request that may write): it is
        // built with its e-mail sender and formatter, which cost more than the rest of the badge on every page
        // (docs/decisions/0031).
        var unread = signedIn.UnreadNoticesFor(userId)
            ?? await services.GetRequiredService<INotificationService>().UnreadCountAsync(userId, cancellationToken);
        return new LayoutState(userId, context.User.Identity?.Name, scope.Has(Capability.DirectorateWork), scope.Has(Capability.ManageAccounts), unread);
    }
}
