namespace SlackApp.Slack.Signing;

/// <summary>The HTTP headers Slack sets on the requests it sends to the app.</summary>
public static class SlackHeaders
{
    /// <summary><c>v0=</c> followed by the hex HMAC-SHA256 of the request.</summary>
    public const string Signature = "X-Slack-Signature";

    /// <summary>Unix seconds at which Slack signed the request.</summary>
    public const string RequestTimestamp = "X-Slack-Request-Timestamp";

    /// <summary>Set on Events API redeliveries: 1, 2 or 3.</summary>
    public const string RetryNum = "X-Slack-Retry-Num";

    /// <summary>Why Slack redelivered an event (<c>http_timeout</c>, <c>http_error</c>, ...).</summary>
    public const string RetryReason = "X-Slack-Retry-Reason";
}
