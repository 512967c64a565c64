namespace SlackApp.Slack.WebApi;

/// <summary>Error codes the client itself reasons about; Slack documents many more per method.</summary>
public static class SlackErrorCodes
{
    public const string RateLimited = "ratelimited";

    /// <summary>The spelling some method docs use for the same condition.</summary>
    public const string RateLimitedLegacy = "rate_limited";

    public const string InternalError = "internal_error";
    public const string FatalError = "fatal_error";
    public const string ServiceUnavailable = "service_unavailable";
    public const string RequestTimeout = "request_timeout";
    public const string InvalidBlocks = "invalid_blocks";

    /// <summary>Ours: the request never reached Slack or its answer never came back.</summary>
    public const string NetworkError = "network_error";

    /// <summary>Ours: a non-2xx answer without a Slack error code in it.</summary>
    public const string HttpError = "http_error";

    /// <summary>Ours: a 2xx answer that is not the JSON Slack documents.</summary>
    public const string InvalidResponse = "invalid_response";
}
