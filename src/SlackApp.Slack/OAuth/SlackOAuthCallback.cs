using Microsoft.AspNetCore.Http;

namespace SlackApp.Slack.OAuth;

/// <summary>
/// Slack's redirect to <c>/slack/oauth_redirect</c>: a code and the state, or an error such as <c>access_denied</c>; and the
/// state the browser was given at the start (its <see cref="SlackOAuthStateCookie"/>), null when it has none.
/// </summary>
public sealed record SlackOAuthCallback(string? Code, string? State, string? Error, string? BrowserState = null)
{
    /// <summary>Reads <c>code</c>, <c>state</c> and <c>error</c> from the request's query string, and the browser's state cookie.</summary>
    public static SlackOAuthCallback FromRequest(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return FromQuery(request.Query) with { BrowserState = SlackOAuthStateCookie.Read(request) };
    }

    /// <summary>Reads <c>code</c>, <c>state</c> and <c>error</c> from a query string; no browser state.</summary>
    public static SlackOAuthCallback FromQuery(IQueryCollection query)
    {
        static string? Single(IQueryCollection query, string name) => query.TryGetValue(name, out var values) && values.Count == 1 ? values[0] : null;
        return new(Single(query, "code"), Single(query, "state"), Single(query, "error"));
    }
}
