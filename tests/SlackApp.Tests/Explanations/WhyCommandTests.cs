using System.Text.Json.Nodes;
using SlackApp.Data;
using SlackApp.Explanations;
using SlackApp.Notifications;
using SlackApp.Tests.Fakes;
using SlackApp.Tests.Workflows;
using SlackApp.Workflows;

namespace SlackApp.Tests.Explanations;

/// <summary><c>/usergems why SIGNAL_ID</c> over HTTP: rights, workspace scoping, and the answer through the response_url.</summary>
public sealed class WhyCommandTests : IDisposable
{
    private static readonly DateTimeOffset Received = new(2026, 11, 20, 15, 4, 7, TimeSpan.Zero);

    private readonly WorkflowApp _app = new();

    private DbConnectionFactory Db => _app.Factory.Service<DbConnectionFactory>();

    [Fact]
    public async Task An_admin_sees_each_workflow_and_each_items_fate_ephemerally()
    {
        var execs = await _app.SeedAsync("Execs at Closed Lost");
        await _app.SeedAsync(WorkflowApp.Draft("Customers") with { Filters = new WorkflowFilters { AccountStatuses = [AccountStatus.Customer] } });
        var row = await ExplanationRows.AddSignalAsync(Db, "T0ACME", "sig_2Kx9a7", Received);
        var digest = await ExplanationRows.AddMessageAsync(Db, "T0ACME", MessageKind.Digest, "C0ALERTS", Received.AddMinutes(30));
        await ExplanationRows.AddItemAsync(Db, ItemSeed.Sent("T0ACME", row, "C0ALERTS", Received.AddMinutes(30), digest, execs.Id) with { HeldReason = HoldReason.Digest });
        await ExplanationRows.AddItemAsync(Db, new ItemSeed("T0ACME", row, "user", "U0ANA", DeliveryStatus.Suppressed, Received) { SuppressedReason = "duplicate", WorkflowId = execs.Id });
        await ExplanationRows.AddItemAsync(Db, new ItemSeed("T0ACME", row, "user", "U0BOB", DeliveryStatus.Held, Received) { HeldReason = HoldReason.QuietHours, NextAttemptAt = Received.AddHours(16) });
        await ExplanationRows.AddItemAsync(Db, new ItemSeed("T0ACME", row, "channel", "C0GONE", DeliveryStatus.Failed, Received) { LastError = "is_archived" });

        var ack = await _app.SendAsync(SlackRequests.SlashCommand("why sig_2Kx9a7", userId: "U0CAROL"));

        Assert.Equal(string.Empty, ack);
        var answer = Assert.Single(_app.Responses);
        Assert.Equal("ephemeral", (string?)answer["response_type"]);
        var text = Texts(answer);
        Assert.Contains("*Person:* Jane Doe, VP of Sales", text, StringComparison.Ordinal);
        Assert.Contains($"*Execs at Closed Lost* (#{execs.Id}): matches · New hire · VP meets VP+ · Account is Closed Lost", text, StringComparison.Ordinal);
        Assert.Contains("*Customers*", text, StringComparison.Ordinal);
        Assert.Contains("Account status Closed Lost is not one of Customer", text, StringComparison.Ordinal);
        Assert.Contains("<#C0ALERTS> (via *Execs at Closed Lost*): :large_green_circle: Sent <!date^", text, StringComparison.Ordinal);
        Assert.Contains("in a digest, after being held for the workflow's digest", text, StringComparison.Ordinal);
        Assert.Contains("<@U0ANA> (via *Execs at Closed Lost*): :no_bell: Not sent: duplicate", text, StringComparison.Ordinal);
        Assert.Contains("<@U0BOB>: :double_vertical_bar: Held for quiet hours until <!date^", text, StringComparison.Ordinal);
        Assert.Contains("<#C0GONE>: :x: Failed: Slack said `is_archived`", text, StringComparison.Ordinal);
        Assert.Empty(_app.Slack.Violations);
    }

    [Fact]
    public async Task A_manager_may_ask_too()
    {
        await ExplanationRows.AddSignalAsync(Db, "T0ACME", "sig_1", Received, matchCount: 0);

        await _app.SendAsync(SlackRequests.SlashCommand("WHY `sig_1`", userId: "U0MIA"));

        Assert.Contains("No workflow matched", Texts(Assert.Single(_app.Responses)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_is_refused_with_who_can_and_nothing_is_read()
    {
        await ExplanationRows.AddSignalAsync(Db, "T0ACME", "sig_1", Received);

        var ack = JsonNode.Parse(await _app.SendAsync(SlackRequests.SlashCommand("why sig_1", userId: "U0BOB")))!;

        var text = (string?)ack["text"];
        Assert.Contains($"Sorry, you can't {CanExplainSignals.Rights}", text, StringComparison.Ordinal);
        Assert.Contains("<@U0ADMIN>", text, StringComparison.Ordinal);
        Assert.Contains("<@U0MIA>", text, StringComparison.Ordinal);
        Assert.Empty(_app.Responses);
    }

    [Fact]
    public async Task Another_workspaces_signal_is_not_found()
    {
        await ExplanationRows.AddSignalAsync(Db, "T0OTHER", "sig_theirs", Received);

        await _app.SendAsync(SlackRequests.SlashCommand("why sig_theirs"));

        var text = Texts(Assert.Single(_app.Responses));
        Assert.Contains("I found no signal `sig_theirs` in this workspace", text, StringComparison.Ordinal);
        Assert.Contains("kept for a limited time", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Jane Doe", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Why_without_an_id_says_how_in_the_ack()
    {
        var ack = JsonNode.Parse(await _app.SendAsync(SlackRequests.SlashCommand("why")))!;

        Assert.Equal(WhyCommandLine.Usage, (string?)ack["text"]);
        Assert.Empty(_app.Responses);
    }

    [Fact]
    public async Task Other_words_still_reach_the_workflow_command()
    {
        var ack = JsonNode.Parse(await _app.SendAsync(SlackRequests.SlashCommand("whyy")))!;

        Assert.Contains("I don't know", (string?)ack["text"], StringComparison.Ordinal);
    }

    private static string Texts(JsonObject message) =>
        string.Join('\n', message["blocks"]!.AsArray().SelectMany(b => b!["text"] is { } t ? [t] : b["elements"]?.AsArray().OfType<JsonNode>() ?? [])
            .Select(t => (string?)t["text"]).OfType<string>());

    public void Dispose() => _app.Dispose();
}
