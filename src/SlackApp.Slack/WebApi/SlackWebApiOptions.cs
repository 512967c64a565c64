namespace SlackApp.Slack.WebApi;

/// <summary>Retry and timeout limits of Web API calls, bound from <c>Slack:WebApi</c>.</summary>
public sealed class SlackWebApiOptions
{
    public const string SectionName = "Slack:WebApi";

    /// <summary>Retries after the first attempt, for methods safe to retry (see <see cref="SlackRetryRules"/>).</summary>
    public int MaxRetryAttempts { get; set; } = 2;

    /// <summary>First backoff delay; later ones grow exponentially, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Longest wait before a retry. A 429 whose <c>Retry-After</c> is longer is not retried but thrown, so no caller is held.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Time allowed for one attempt.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Time allowed for a call, all attempts included.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
