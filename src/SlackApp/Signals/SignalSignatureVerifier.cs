using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SlackApp.Workflows;

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

    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    private const string Prefix = "v1=";

    public SignalSignatureCheck Verify(string? secret, string? timestamp, string? signature, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature))
        {
            return SignalSignatureCheck.Missing;
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return SignalSignatureCheck.Stale;
        }

        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        if (Math.Abs(now - seconds) > (long)Tolerance.TotalSeconds)
        {
            return SignalSignatureCheck.Stale;
        }

        // A workspace without a secret cannot be signed for; answer as for a wrong signature.
        if (string.IsNullOrEmpty(secret) || !signature.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return SignalSignatureCheck.Mismatch;
        }

        byte[] provided;
        try
        {
            provided = Convert.FromHexString(signature.AsSpan(Prefix.Length));
        }
        catch (FormatException)
        {
            return SignalSignatureCheck.Mismatch;
        }

        var expected = Mac(secret, seconds, body);
        return CryptographicOperations.FixedTimeEquals(expected, provided) ? SignalSignatureCheck.Valid : SignalSignatureCheck.Mismatch;
    }

    /// <summary>The <c>X-Signal-Signature</c> value a source sends for <paramref name="body"/> signed at <paramref name="timestamp"/>.</summary>
    public static string Sign(string secret, long timestamp, ReadOnlySpan<byte> body) =>
        Prefix + Convert.ToHexStringLower(Mac(secret, timestamp, body));

    private static byte[] Mac(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret));
        hmac.AppendData(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"v1:{timestamp}:")));
        hmac.AppendData(body);
        return hmac.GetHashAndReset();
    }
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
