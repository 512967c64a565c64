using System.Text;
using Microsoft.Extensions.Time.Testing;
using SlackApp.Slack.Hosting;
using SlackApp.Slack.Signing;

namespace SlackApp.Slack.Tests.Signing;

public sealed class SlackSignatureVerifierTests
{
    // The worked example of https://docs.slack.dev/authentication/verifying-requests-from-slack/
    private const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string Timestamp = "1531420618";
    private const string Signature = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
    private const string Body =
        "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar"
        + "&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text="
        + "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
        + "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";

    private static readonly DateTimeOffset SignedAt = DateTimeOffset.FromUnixTimeSeconds(1531420618);

    [Fact]
    public void Accepts_Slacks_documented_example()
    {
        var result = Verifier(SignedAt).Verify(Signature, Timestamp, Encoding.UTF8.GetBytes(Body));

        Assert.True(result.IsValid, result.Reason);
    }

    [Fact]
    public void Computes_the_signature_of_Slacks_documented_example() =>
        Assert.Equal(Signature, SlackSignatureVerifier.ComputeSignature(Secret, Timestamp, Encoding.UTF8.GetBytes(Body)));

    [Fact]
    public void Rejects_a_body_changed_after_signing()
    {
        var tampered = Body.Replace("roadrunner", "coyote", StringComparison.Ordinal);

        var result = Verifier(SignedAt).Verify(Signature, Timestamp, Encoding.UTF8.GetBytes(tampered));

        Assert.Equal(SignatureCheck.BadSignature, result.Check);
    }

    [Fact]
    public void Rejects_a_signature_made_with_another_secret()
    {
        var forged = SlackSignatureVerifier.ComputeSignature("another-secret", Timestamp, Encoding.UTF8.GetBytes(Body));

        var result = Verifier(SignedAt).Verify(forged, Timestamp, Encoding.UTF8.GetBytes(Body));

        Assert.Equal(SignatureCheck.BadSignature, result.Check);
    }

    [Fact]
    public void Rejects_a_replayed_timestamp_with_a_signature_of_another()
    {
        // Changing the timestamp header (to dodge the staleness check) must break the signature.
        var result = Verifier(SignedAt.AddSeconds(1)).Verify(Signature, "1531420619", Encoding.UTF8.GetBytes(Body));

        Assert.Equal(SignatureCheck.BadSignature, result.Check);
    }

    [Fact]
    public void Rejects_request_older_than_five_minutes()
    {
        var result = Verifier(SignedAt.AddMinutes(5).AddSeconds(1)).Verify(Signature, Timestamp, Encoding.UTF8.GetBytes(Body));

        Assert.Equal(SignatureCheck.Stale, result.Check);
    }

    [Fact]
    public void Rejects_request_more_than_five_minutes_in_the_future()
    {
        var result = Verifier(SignedAt.AddMinutes(-5).AddSeconds(-1)).Verify(Signature, Timestamp, Encoding.UTF8.GetBytes(Body));

        Assert.Equal(SignatureCheck.Stale, result.Check);
    }

    [Theory]
    [InlineData(-300)]
    [InlineData(300)]
    public void Accepts_request_exactly_five_minutes_away(int offsetSeconds)
    {
        var result = Verifier(SignedAt.AddSeconds(offsetSeconds)).Verify(Signature, Timestamp, Encoding.UTF8.GetBytes(Body));

        Assert.True(result.IsValid, result.Reason);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Refuses_everything_when_no_signing_secret_is_configured(string? secret)
    {
        var result = Verifier(SignedAt, secret).Verify(Signature, Timestamp, Encoding.UTF8.GetBytes(Body));

        Assert.Equal(SignatureCheck.NoSigningSecret, result.Check);
        Assert.Equal("Slack signing secret is not configured", result.Reason);
    }

    [Theory]
    [InlineData(null, Timestamp)]
    [InlineData(Signature, null)]
    [InlineData("", "")]
    public void Rejects_request_without_signature_headers(string? signature, string? timestamp)
    {
        var result = Verifier(SignedAt).Verify(signature, timestamp, Encoding.UTF8.GetBytes(Body));

        Assert.Equal(SignatureCheck.MissingHeaders, result.Check);
        Assert.Contains(SlackHeaders.Signature, result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("-1531420618")]
    [InlineData("1531420618.5")]
    public void Rejects_malformed_timestamp(string timestamp)
    {
        var result = Verifier(SignedAt).Verify(Signature, timestamp, Encoding.UTF8.GetBytes(Body));

        Assert.Equal(SignatureCheck.MalformedTimestamp, result.Check);
    }

    [Fact]
    public void Reasons_never_reveal_the_secret_or_the_expected_signature()
    {
        var result = Verifier(SignedAt).Verify("v0=00", Timestamp, Encoding.UTF8.GetBytes(Body));

        Assert.DoesNotContain(Secret, result.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(Signature[3..], result.Reason, StringComparison.Ordinal);
    }

    private static SlackSignatureVerifier Verifier(DateTimeOffset now, string? secret = Secret) =>
        new(new FixedOptionsMonitor<SlackOptions>(new SlackOptions { SigningSecret = secret }), new FakeTimeProvider(now));
}
