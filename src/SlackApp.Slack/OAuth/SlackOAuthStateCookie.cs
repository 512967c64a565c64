using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace SlackApp.Slack.OAuth;

/// <summary>
/// Binds an OAuth <c>state</c> to the browser that started the install, as Bolt does: the install page sets this cookie to
/// the state it puts in the authorize URL, and the redirect accepts the state only from a browser holding the same cookie.
/// A link with a valid state sent to someone else (login CSRF: installing into the attacker's chosen workspace) is refused.
/// </summary>
public static class SlackOAuthStateCookie
{
    /// <summary>Bolt's cookie name, so anyone who knows Bolt recognises it.</summary>
    public const string Name = "slack-app-oauth-state";

    /// <summary>Sets the cookie for <paramref name="state"/>, living as long as the state itself.</summary>
    public static void Set(HttpResponse response, string state, TimeSpan lifetime)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentException.ThrowIfNullOrEmpty(state);
        response.Cookies.Append(Name, state, Options(response, lifetime));
    }

    /// <summary>The state this browser was given, or null.</summary>
    public static string? Read(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Cookies.TryGetValue(Name, out var value) && !string.IsNullOrEmpty(value) ? value : null;
    }

    /// <summary>Removes the cookie: each state is used (or refused) once, so the cookie has no further use.</summary>
    public static void Clear(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Cookies.Delete(Name, Options(response, null));
    }

    /// <summary>True when the state Slack returned is the one this browser was given.</summary>
    public static bool Matches(string? state, string? browserState) =>
        !string.IsNullOrEmpty(state) && !string.IsNullOrEmpty(browserState)
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(state), Encoding.UTF8.GetBytes(browserState));

    // HttpOnly: no script needs it. Lax: still sent on Slack's top-level GET redirect back to the app, never on
    // cross-site subrequests. Secure whenever the page was served over https (plain http only in development).
    private static CookieOptions Options(HttpResponse response, TimeSpan? lifetime) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Lax,
        Secure = response.HttpContext.Request.IsHttps,
        Path = "/",
        MaxAge = lifetime,
        IsEssential = true,
    };
}
