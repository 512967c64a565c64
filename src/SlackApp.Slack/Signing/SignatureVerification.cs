namespace SlackApp.Slack.Signing;

/// <summary>The outcome of checking a request's Slack signature.</summary>
public enum SignatureCheck
{
    Valid,
    NoSigningSecret,
    MissingHeaders,
    MalformedTimestamp,
    Stale,
    BadSignature,
}

/// <summary>Whether a request is genuinely from Slack, and if not, why.</summary>
/// <param name="Check">What the verifier concluded.</param>
/// <param name="Reason">A short human-readable reason; safe to return to the caller (holds no secret).</param>
public sealed record SignatureVerification(SignatureCheck Check, string Reason)
{
    public bool IsValid => Check == SignatureCheck.Valid;

    internal static SignatureVerification Valid { get; } = new(SignatureCheck.Valid, "Signature verified.");
}
