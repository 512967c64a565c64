using Microsoft.AspNetCore.Http;

namespace SlackApp.Slack.OAuth;

/// <summary>The query of Slack's redirect to <c>/slack/oauth_redirect</c>: a code and the state, or an error such as <c>access_denied</c>.</summary>
public sealed record SlackOAuthCallback(string? Code, string? State, string? Error)
{
    /// <summary>Reads <c>code</c>, <c>state</c> and <c>error</c> from the request's query string.</summary>
    public static SlackOAuthCallback FromQuery(IQueryCollection query)
    {
        static string? Single(IQueryCollection query, string name) => query.TryGetValue(name, out var values) && values.Count == 1 ? values[0] : null;
        return new(Single(query, "code"), Single(query, "state"), Single(query, "error"));
    }
}
