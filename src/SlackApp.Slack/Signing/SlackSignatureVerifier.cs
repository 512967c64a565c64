using Microsoft.Extensions.Options;
using SlackApp.Slack.Hosting;

namespace SlackApp.Slack.Signing;

/// <summary>
/// Checks Slack's v0 request signature: <c>v0=</c> + hex HMAC-SHA256(signing secret, <c>v0:{timestamp}:{raw body}</c>),
/// refusing timestamps more than five minutes from now in either direction (replay protection).
/// </summary>
public sealed class SlackSignatureVerifier
{
    /// <summary>How far a request's timestamp may be from the server clock.</summary>
    public static readonly TimeSpan MaxClockSkew = HmacRequestSignature.MaxClockSkew;

    private const string Version = "v0";

    private readonly IOptionsMonitor<SlackOptions> _options;
    private readonly TimeProvider _timeProvider;

    public SlackSignatureVerifier(IOptionsMonitor<SlackOptions> options, TimeProvider timeProvider)
    {
        _options = options;
        _timeProvider = timeProvider;
    }

    /// <summary>Verifies <paramref name="body"/> (the raw bytes, exactly as received) against Slack's headers.</summary>
    public SignatureVerification Verify(string? signature, string? timestamp, ReadOnlySpan<byte> body)
    {
        var secret = _options.CurrentValue.SigningSecret;
        if (string.IsNullOrEmpty(secret))
        {
            return new(SignatureCheck.NoSigningSecret, "Slack signing secret is not configured");
        }

        if (string.IsNullOrEmpty(signature) || string.IsNullOrEmpty(timestamp))
        {
            return new(SignatureCheck.MissingHeaders, $"Missing {SlackHeaders.Signature} or {SlackHeaders.RequestTimestamp} header");
        }

        if (!HmacRequestSignature.TryParseTimestamp(timestamp, out var seconds))
        {
            return new(SignatureCheck.MalformedTimestamp, $"Malformed {SlackHeaders.RequestTimestamp} header");
        }

        if (!HmacRequestSignature.IsFresh(seconds, _timeProvider))
        {
            return new(SignatureCheck.Stale, "Request timestamp is more than five minutes from the server clock");
        }

        // Slack signs the timestamp exactly as its header carries it.
        return HmacRequestSignature.Matches(Version, secret, timestamp, body, signature)
            ? SignatureVerification.Valid
            : new(SignatureCheck.BadSignature, "Invalid Slack request signature");
    }

    /// <summary>The <c>X-Slack-Signature</c> value Slack would send for this body (also used by tests and the sandbox).</summary>
    public static string ComputeSignature(string signingSecret, string timestamp, ReadOnlySpan<byte> body) =>
        HmacRequestSignature.Sign(Version, signingSecret, timestamp, body);
}
