using System.Globalization;
using SlackApp.Slack.Signing;

namespace SlackApp.Signals;

/// <summary>
/// Checks the <c>v1</c> signature of a signal request: <c>v1=</c> + hex HMAC-SHA256 with the workspace's
/// signal secret over <c>v1:{timestamp}:{raw body}</c>, refused when signed more than five minutes
/// away from now (either way) so a captured request cannot be replayed later.
/// </summary>
public sealed class SignalSignatureVerifier(TimeProvider clock)
{
    public const string TimestampHeader = "X-Signal-Timestamp";
    public const string SignatureHeader = "X-Signal-Signature";

    public static readonly TimeSpan Tolerance = HmacRequestSignature.MaxClockSkew;

    private const string Version = "v1";

    public SignalSignatureCheck Verify(string? secret, string? timestamp, string? signature, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature))
        {
            return SignalSignatureCheck.Missing;
        }

        if (!HmacRequestSignature.TryParseTimestamp(timestamp, out var seconds) || !HmacRequestSignature.IsFresh(seconds, clock))
        {
            return SignalSignatureCheck.Stale;
        }

        // A workspace without a secret cannot be signed for; answer as for a wrong signature.
        if (string.IsNullOrEmpty(secret))
        {
            return SignalSignatureCheck.Mismatch;
        }

        // Signed over the timestamp as a number, so leading zeros in the header do not matter.
        return HmacRequestSignature.Matches(Version, secret, Text(seconds), body, signature) ? SignalSignatureCheck.Valid : SignalSignatureCheck.Mismatch;
    }

    /// <summary>The <c>X-Signal-Signature</c> value a source sends for <paramref name="body"/> signed at <paramref name="timestamp"/>.</summary>
    public static string Sign(string secret, long timestamp, ReadOnlySpan<byte> body) =>
        HmacRequestSignature.Sign(Version, secret, Text(timestamp), body);

    private static string Text(long unixSeconds) => unixSeconds.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The outcome of a signal signature check; anything but <see cref="Valid"/> is a 401.</summary>
public enum SignalSignatureCheck
{
    Valid,

    /// <summary>The timestamp or signature header is absent.</summary>
    Missing,

    /// <summary>Signed more than five minutes before or after now, or the timestamp is not Unix seconds.</summary>
    Stale,

    /// <summary>The signature is not the one the workspace's secret makes.</summary>
    Mismatch,
}
