using System.Diagnostics.CodeAnalysis;

namespace SlackApp.Slack.OAuth;

/// <summary>How an install ended: a saved <see cref="Installation"/>, or a <see cref="SlackOAuthFailure"/> to show the user.</summary>
public sealed record SlackOAuthResult
{
    private SlackOAuthResult(Installation? installation, SlackOAuthFailure? failure)
    {
        Installation = installation;
        Failure = failure;
    }

    public Installation? Installation { get; }

    public SlackOAuthFailure? Failure { get; }

    [MemberNotNullWhen(true, nameof(Installation))]
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool Succeeded => Installation is not null;

    public static SlackOAuthResult Success(Installation installation) => new(installation, null);

    public static SlackOAuthResult Failed(SlackOAuthFailureKind kind, string reason, string? slackError = null) => new(null, new(kind, reason, slackError));
}

/// <summary>Why an install did not complete, in words fit for the person installing.</summary>
/// <param name="Kind">What went wrong, for the product to branch on.</param>
/// <param name="Reason">A sentence to show the person installing.</param>
/// <param name="SlackError">Slack's error code, when Slack gave one.</param>
public sealed record SlackOAuthFailure(SlackOAuthFailureKind Kind, string Reason, string? SlackError = null);

/// <summary>The kinds of install failure the product may answer differently.</summary>
public enum SlackOAuthFailureKind
{
    /// <summary>The user pressed Cancel on Slack's authorize page.</summary>
    AccessDenied,

    /// <summary>Slack redirected back with another <c>error</c>.</summary>
    SlackRefused,

    /// <summary>Neither a code nor an error came back.</summary>
    MissingCode,

    InvalidState,

    /// <summary>The state came back to a browser that did not start this install (no state cookie, or another state's).</summary>
    StateFromAnotherBrowser,

    ExpiredState,
    ReusedState,

    /// <summary><c>oauth.v2.access</c> failed or returned no bot token.</summary>
    ExchangeFailed,
}
