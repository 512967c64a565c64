namespace SlackApp.Slack.OAuth;

/// <summary>The verdict on a <c>state</c> returned by Slack's OAuth redirect.</summary>
public enum OAuthStateCheck
{
    Valid,

    /// <summary>Missing, malformed, tampered with, or signed with a key we do not hold.</summary>
    Invalid,

    /// <summary>Older than <see cref="SlackOAuthOptions.StateLifetime"/>.</summary>
    Expired,

    /// <summary>Already used once.</summary>
    AlreadyUsed,
}
