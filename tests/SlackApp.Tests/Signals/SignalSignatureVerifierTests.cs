using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using SlackApp.Signals;

namespace SlackApp.Tests.Signals;

public sealed class SignalSignatureVerifierTests
{
    private const string Secret = "8f14e45fceea167a5a36dedd4bea2543";
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"id":"sig_1","type":"new_hire"}""");
    private readonly SignalSignatureVerifier _verifier = new(new FakeTimeProvider(Now));

    private static long Seconds(TimeSpan fromNow) => (Now + fromNow).ToUnixTimeSeconds();

    private SignalSignatureCheck Verify(long timestamp, string? signature, byte[]? body = null, string? secret = Secret) =>
        _verifier.Verify(secret, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture), signature, body ?? Body);

    [Fact]
    public void Signature_is_v1_and_lowercase_hex_hmac_sha256_of_version_timestamp_and_body()
    {
        var timestamp = Seconds(TimeSpan.Zero);
        var expected = "v1=" + Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), (byte[])[.. Encoding.ASCII.GetBytes($"v1:{timestamp}:"), .. Body])).ToLowerInvariant();

        Assert.Equal(expected, SignalSignatureVerifier.Sign(Secret, timestamp, Body));
    }

    [Fact]
    public void Accepts_a_request_signed_with_the_workspace_secret()
    {
        var timestamp = Seconds(TimeSpan.Zero);

        Assert.Equal(SignalSignatureCheck.Valid, Verify(timestamp, SignalSignatureVerifier.Sign(Secret, timestamp, Body)));
    }

    [Fact]
    public void Refuses_a_request_signed_with_another_secret()
    {
        var timestamp = Seconds(TimeSpan.Zero);

        Assert.Equal(SignalSignatureCheck.Mismatch, Verify(timestamp, SignalSignatureVerifier.Sign("another-secret", timestamp, Body)));
    }

    [Fact]
    public void Refuses_a_body_changed_after_signing()
    {
        var timestamp = Seconds(TimeSpan.Zero);
        var signature = SignalSignatureVerifier.Sign(Secret, timestamp, Body);

        Assert.Equal(SignalSignatureCheck.Mismatch, Verify(timestamp, signature, Encoding.UTF8.GetBytes("""{"id":"sig_2","type":"new_hire"}""")));
    }

    [Fact]
    public void Refuses_a_signature_replayed_with_another_timestamp()
    {
        var signature = SignalSignatureVerifier.Sign(Secret, Seconds(TimeSpan.FromMinutes(-1)), Body);

        Assert.Equal(SignalSignatureCheck.Mismatch, Verify(Seconds(TimeSpan.Zero), signature));
    }

    [Fact]
    public void Refuses_a_request_signed_more_than_five_minutes_ago()
    {
        var timestamp = Seconds(TimeSpan.FromMinutes(-5) - TimeSpan.FromSeconds(1));

        Assert.Equal(SignalSignatureCheck.Stale, Verify(timestamp, SignalSignatureVerifier.Sign(Secret, timestamp, Body)));
    }

    [Fact]
    public void Refuses_a_request_signed_more_than_five_minutes_ahead()
    {
        var timestamp = Seconds(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));

        Assert.Equal(SignalSignatureCheck.Stale, Verify(timestamp, SignalSignatureVerifier.Sign(Secret, timestamp, Body)));
    }

    [Theory]
    [InlineData(-300)]
    [InlineData(300)]
    public void Accepts_a_request_exactly_five_minutes_off(int seconds)
    {
        var timestamp = Seconds(TimeSpan.FromSeconds(seconds));

        Assert.Equal(SignalSignatureCheck.Valid, Verify(timestamp, SignalSignatureVerifier.Sign(Secret, timestamp, Body)));
    }

    [Theory]
    [InlineData(null, "v1=00")]
    [InlineData("", "v1=00")]
    [InlineData("1795694400", null)]
    [InlineData("1795694400", "")]
    public void Refuses_a_request_without_both_headers(string? timestamp, string? signature)
    {
        Assert.Equal(SignalSignatureCheck.Missing, _verifier.Verify(Secret, timestamp, signature, Body));
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("-1795694400")]
    [InlineData("1795694400000")]
    [InlineData("1.795694400e9")]
    public void Refuses_a_timestamp_that_is_not_current_unix_seconds(string timestamp)
    {
        Assert.Equal(SignalSignatureCheck.Stale, _verifier.Verify(Secret, timestamp, "v1=00", Body));
    }

    [Theory]
    [InlineData("v0=")]
    [InlineData("")]
    [InlineData("v1=zz")]
    public void Refuses_a_malformed_signature(string prefix)
    {
        var timestamp = Seconds(TimeSpan.Zero);
        var hex = SignalSignatureVerifier.Sign(Secret, timestamp, Body)[3..];

        Assert.Equal(SignalSignatureCheck.Mismatch, Verify(timestamp, prefix + hex));
    }

    [Fact]
    public void Refuses_everything_for_a_workspace_without_a_secret()
    {
        var timestamp = Seconds(TimeSpan.Zero);

        Assert.Equal(SignalSignatureCheck.Mismatch, Verify(timestamp, SignalSignatureVerifier.Sign("", timestamp, Body), secret: null));
    }
}
