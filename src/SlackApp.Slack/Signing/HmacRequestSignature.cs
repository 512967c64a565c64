using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SlackApp.Slack.Signing;

/// <summary>
/// Slack's request signature scheme, for any webhook signed like it: <c>{version}=</c> + hex HMAC-SHA256(secret,
/// <c>{version}:{timestamp}:{raw body}</c>), with the timestamp in Unix seconds no more than five minutes from now.
/// </summary>
public static class HmacRequestSignature
{
    /// <summary>How far a signed timestamp may be from the server clock, either way (replay protection).</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>Reads a timestamp header: Unix seconds, digits only (no sign, no fraction, no exponent).</summary>
    public static bool TryParseTimestamp(string timestamp, out long unixSeconds) =>
        long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out unixSeconds);

    /// <summary>True when <paramref name="unixSeconds"/> is within <see cref="MaxClockSkew"/> of <paramref name="clock"/>'s now (the bounds included).</summary>
    public static bool IsFresh(long unixSeconds, TimeProvider clock)
    {
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        // Parsed timestamps are never negative, so the difference cannot overflow.
        return Math.Abs(now - unixSeconds) <= (long)MaxClockSkew.TotalSeconds;
    }

    /// <summary>The signature header value for <paramref name="body"/> signed at <paramref name="timestamp"/> (as it appears in its header).</summary>
    public static string Sign(string version, string secret, string timestamp, ReadOnlySpan<byte> body) =>
        $"{version}=" + Convert.ToHexStringLower(Mac(version, secret, timestamp, body));

    /// <summary>
    /// True when <paramref name="signature"/> is <c>{version}=</c> followed by the hex HMAC of this body and timestamp.
    /// The MACs are compared in constant time, so the response time leaks nothing about the right signature.
    /// </summary>
    public static bool Matches(string version, string secret, string timestamp, ReadOnlySpan<byte> body, string signature)
    {
        var prefix = $"{version}=";
        if (!signature.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        byte[] provided;
        try
        {
            provided = Convert.FromHexString(signature.AsSpan(prefix.Length));
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Mac(version, secret, timestamp, body), provided);
    }

    private static byte[] Mac(string version, string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret));
        hmac.AppendData(Encoding.UTF8.GetBytes($"{version}:{timestamp}:"));
        hmac.AppendData(body);
        return hmac.GetHashAndReset();
    }
}
