using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using SlackApp.Slack.Hosting;
using SlackApp.Slack.Payloads;
using SlackApp.Slack.Signing;
using SlackApp.Slack.Tests.Signing;

namespace SlackApp.Slack.Tests.Conformance;

/// <summary>Slack's documented signing example (signing/example.json), checked against the verifier.</summary>
public sealed class SigningConformanceTests
{
    [Fact]
    public void Verifies_Slacks_signing_example()
    {
        var example = Example();
        var verifier = new SlackSignatureVerifier(
            new FixedOptionsMonitor<SlackOptions>(new SlackOptions { SigningSecret = example.Secret }),
            new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(long.Parse(example.Timestamp, System.Globalization.CultureInfo.InvariantCulture))));

        var result = verifier.Verify(example.Headers[SlackHeaders.Signature], example.Headers[SlackHeaders.RequestTimestamp], Encoding.UTF8.GetBytes(example.Body));

        Assert.True(result.IsValid, result.Reason);
        Assert.Equal(example.Signature, SlackSignatureVerifier.ComputeSignature(example.Secret, example.Timestamp, Encoding.UTF8.GetBytes(example.Body)));
    }

    [Fact]
    public void Signing_example_body_is_the_documented_slash_command()
    {
        var example = Example();
        var fixtureBody = File.ReadAllText(SlackFixtures.PathOf("requests/slash-commands/docs-signing-example-webhook-collect.txt")).TrimEnd('\r', '\n');

        Assert.Equal(example.Body, fixtureBody);
        var parsed = Assert.IsType<SlackParseResult.Parsed>(SlackRequestParser.Parse("application/x-www-form-urlencoded", Encoding.UTF8.GetBytes(example.Body)));
        Assert.Equal("/webhook-collect", Assert.IsType<SlashCommand>(parsed.Payload).Command);
    }

    private static SigningExample Example()
    {
        var json = File.ReadAllText(SlackFixtures.PathOf("signing/example.json"));
        return JsonSerializer.Deserialize<SigningExample>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }

    private sealed record SigningExample(string Secret, string Timestamp, string Body, string Signature, Dictionary<string, string> Headers);
}
