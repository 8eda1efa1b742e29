using RegionalTraining.Core.Accounts;

namespace RegionalTraining.Web.ViewModels.Accounts;

public sealed record SessionRow(string Id, DateTime CreatedAtUtc, DateTime LastSeenAtUtc, string Browser, string? Address, bool IsCurrent)
{
    public static SessionRow From(SessionInfo session, string? currentSessionId) => new(
        session.Id, session.CreatedAtUtc, session.LastSeenAtUtc, BrowserName(session.UserAgent), session.Address, session.Id == currentSessionId);

    /// <summary>"Firefox · Windows": enough for a person to recognise a browser; the full user-agent says nothing more to him.</summary>
    public static string BrowserName(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return "?";
        }

        string[][] browsers = [["Edg/", "Edge"], ["OPR/", "Opera"], ["Firefox/", "Firefox"], ["Chrome/", "Chrome"], ["Chromium/", "Chromium"], ["Safari/", "Safari"]];
        string[][] systems = [["Android", "Android"], ["iPhone", "iOS"], ["iPad", "iOS"], ["Windows", "Windows"], ["Mac OS X", "macOS"], ["Linux", "Linux"]];
        var browser = browsers.FirstOrDefault(b => userAgent.Contains(b[0], StringComparison.Ordinal))?[1];
        var system = systems.FirstOrDefault(s => userAgent.Contains(s[0], StringComparison.Ordinal))?[1];
        return browser is null && system is null ? userAgent[..Math.Min(userAgent.Length, 60)] : string.Join(" · ", new[] { browser, system }.Where(x => x is not null));
    }
}

public sealed record SessionsViewModel(IReadOnlyList<SessionRow> Sessions);
