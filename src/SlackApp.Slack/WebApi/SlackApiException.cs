using System.Net;

namespace SlackApp.Slack.WebApi;

/// <summary>A Web API call that Slack refused (<c>ok:false</c>), answered with an HTTP error, or that never got an answer.</summary>
public class SlackApiException : Exception
{
    // Slack's own codes for failures on its side; worth trying again later.
    private static readonly HashSet<string> TransientErrors =
    [
        SlackErrorCodes.RateLimited,
        SlackErrorCodes.RateLimitedLegacy,
        SlackErrorCodes.InternalError,
        SlackErrorCodes.FatalError,
        SlackErrorCodes.ServiceUnavailable,
        SlackErrorCodes.RequestTimeout,
        SlackErrorCodes.NetworkError,
    ];

    public SlackApiException(
        string method,
        string error,
        HttpStatusCode? httpStatus = null,
        IReadOnlyList<string>? messages = null,
        string? warning = null,
        Exception? innerException = null)
        : base(Describe(method, error, httpStatus, messages), innerException)
    {
        Method = method;
        Error = error;
        HttpStatus = httpStatus;
        Messages = messages ?? [];
        Warning = warning;
    }

    /// <summary>The Web API method called (<c>chat.postMessage</c>), or <c>response_url</c>.</summary>
    public string Method { get; }

    /// <summary>Slack's <c>error</c> code (<c>channel_not_found</c>, <c>invalid_blocks</c>...), or one of ours for transport failures (<c>request_timeout</c>, <c>network_error</c>, <c>http_error</c>).</summary>
    public string Error { get; }

    /// <summary>The HTTP status when Slack answered with something other than 2xx.</summary>
    public HttpStatusCode? HttpStatus { get; }

    /// <summary>Slack's <c>response_metadata.messages</c>: the reasons behind errors such as <c>invalid_blocks</c>.</summary>
    public IReadOnlyList<string> Messages { get; }

    /// <summary>Slack's <c>warning</c>, when it sent one alongside the error.</summary>
    public string? Warning { get; }

    /// <summary>True when the same call may succeed later: 5xx, timeouts, network failures, rate limits and Slack's own internal errors.</summary>
    public bool IsTransient => HttpStatus is { } status && (int)status >= 500 || TransientErrors.Contains(Error);

    private static string Describe(string method, string error, HttpStatusCode? httpStatus, IReadOnlyList<string>? messages)
    {
        var text = $"Slack API {method} failed: {error}";
        if (httpStatus is { } status)
        {
            text += $" (HTTP {(int)status})";
        }

        return messages is { Count: > 0 } ? $"{text} [{string.Join("; ", messages)}]" : text;
    }
}
