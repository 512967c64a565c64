using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace SlackApp.Slack.Routing;

/// <summary>
/// Recognises Slack's periodic SSL probe of a slash command URL (<c>ssl_check=1</c>), which Slack does not sign;
/// Bolt answers it before verifying signatures. Only a form that would dispatch nothing qualifies.
/// </summary>
internal static class SlackSslCheck
{
    public static bool IsProbe(string? contentType, byte[] body)
    {
        // Every signed request comes through here first: most carry no ssl_check at all, and need no form parsed for it.
        if (body.AsSpan().IndexOf("ssl_check"u8) < 0)
        {
            return false;
        }

        if (!MediaTypeHeaderValue.TryParse(contentType, out var media)
            || !media.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));

        // A body with a command or payload would run a listener, so it must be signed like any other.
        return form.TryGetValue("ssl_check", out var sslCheck)
            && sslCheck.ToString() == "1"
            && !form.ContainsKey("command")
            && !form.ContainsKey("payload");
    }
}
