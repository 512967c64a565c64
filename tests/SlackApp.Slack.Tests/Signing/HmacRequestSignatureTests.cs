using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using SlackApp.Slack.Signing;

namespace SlackApp.Slack.Tests.Signing;

public sealed class HmacRequestSignatureTests
{
    // The worked example of https://docs.slack.dev/authentication/verifying-requests-from-slack/
    private const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string Timestamp = "1531420618";
    private const string SlackSignature = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

    private static readonly byte[] Body = Encoding.UTF8.GetBytes(
        "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar"
        + "&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text="
        + "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
        + "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c");

    private static readonly DateTimeOffset SignedAt = DateTimeOffset.FromUnixTimeSeconds(1531420618);

    [Fact]
    public void Signs_Slacks_documented_example_as_v0() =>
        Assert.Equal(SlackSignature, HmacRequestSignature.Sign("v0", Secret, Timestamp, Body));

    [Fact]
    public void Signs_another_version_over_its_own_base_string()
    {
        var expected = "v1=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), (byte[])[.. Encoding.UTF8.GetBytes($"v1:{Timestamp}:"), .. Body]));

        Assert.Equal(expected, HmacRequestSignature.Sign("v1", Secret, Timestamp, Body));
    }

    [Fact]
    public void Matches_Slacks_documented_example() =>
        Assert.True(HmacRequestSignature.Matches("v0", Secret, Timestamp, Body, SlackSignature));

    [Fact]
    public void Rejects_a_signature_of_another_version_even_with_the_prefix_rewritten()
    {
        // The version is part of what is signed, not only a label in front of it.
        var relabelled = "v1=" + SlackSignature[3..];

        Assert.False(HmacRequestSignature.Matches("v1", Secret, Timestamp, Body, relabelled));
    }

    [Fact]
    public void Rejects_a_signature_whose_prefix_names_another_version() =>
        Assert.False(HmacRequestSignature.Matches("v1", Secret, Timestamp, Body, SlackSignature));

    [Fact]
    public void Rejects_a_signature_over_another_timestamp() =>
        Assert.False(HmacRequestSignature.Matches("v0", Secret, "1531420619", Body, SlackSignature));

    [Fact]
    public void Rejects_a_body_changed_by_one_byte()
    {
        var tampered = Body.ToArray();
        tampered[^1] ^= 1;

        Assert.False(HmacRequestSignature.Matches("v0", Secret, Timestamp, tampered, SlackSignature));
    }

    [Theory]
    [InlineData("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b5")]
    [InlineData("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b50300")]
    [InlineData("v0=z2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    [InlineData("v0=")]
    [InlineData("a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    public void Rejects_a_truncated_extended_or_malformed_signature(string signature) =>
        Assert.False(HmacRequestSignature.Matches("v0", Secret, Timestamp, Body, signature));

    [Theory]
    [InlineData(-300)]
    [InlineData(0)]
    [InlineData(300)]
    public void Accepts_a_timestamp_up_to_exactly_five_minutes_away(int offsetSeconds) =>
        Assert.True(HmacRequestSignature.IsFresh(1531420618, new FakeTimeProvider(SignedAt.AddSeconds(offsetSeconds))));

    [Fact]
    public void Rejects_signature_older_than_five_minutes() =>
        Assert.False(HmacRequestSignature.IsFresh(1531420618, new FakeTimeProvider(SignedAt.AddSeconds(301))));

    [Fact]
    public void Rejects_signature_more_than_five_minutes_in_the_future() =>
        Assert.False(HmacRequestSignature.IsFresh(1531420618, new FakeTimeProvider(SignedAt.AddSeconds(-301))));

    [Fact]
    public void Rejects_the_largest_timestamp_without_overflowing() =>
        Assert.False(HmacRequestSignature.IsFresh(long.MaxValue, new FakeTimeProvider(SignedAt)));

    [Theory]
    [InlineData("-1531420618")]
    [InlineData("+1531420618")]
    [InlineData("1531420618.5")]
    [InlineData(" 1531420618")]
    [InlineData("1.5e9")]
    [InlineData("99999999999999999999")]
    [InlineData("")]
    public void Reads_only_plain_unix_seconds_as_a_timestamp(string timestamp) =>
        Assert.False(HmacRequestSignature.TryParseTimestamp(timestamp, out _));

    [Fact]
    public void Reads_unix_seconds()
    {
        Assert.True(HmacRequestSignature.TryParseTimestamp(Timestamp, out var seconds));
        Assert.Equal(1531420618, seconds);
    }
}
