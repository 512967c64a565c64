using System.Net;

namespace SlackApp.Slack.WebApi;

/// <summary>Slack refused the call because the app exceeded the method's rate limit (HTTP 429, error <c>ratelimited</c>).</summary>
public sealed class SlackRateLimitedException : SlackApiException
{
    public SlackRateLimitedException(string method, TimeSpan? retryAfter, HttpStatusCode? httpStatus = HttpStatusCode.TooManyRequests, string error = SlackErrorCodes.RateLimited)
        : base(method, error, httpStatus)
    {
        RetryAfter = retryAfter;
    }

    /// <summary>How long Slack asked us to wait (its <c>Retry-After</c> header), when it said.</summary>
    public TimeSpan? RetryAfter { get; }
}
