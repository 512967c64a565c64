using SlackApp.Installations;
using SlackApp.Slack.Blocks;
using SlackApp.Slack.WebApi;
using SlackApp.SlackUx;

namespace SlackApp.Notifications;

/// <summary>What a person did to one or more signals, as the thread reply tells it: "acknowledged", "claimed", "released".</summary>
public sealed record SignalEvent(string UserId, string Verb, string Detail = "");

/// <summary>
/// Shows a signal's state on every Slack message carrying a copy of it (a DM, a channel post, a digest line), with
/// <c>chat.update</c>, and tells what happened as a thread reply on each, so a channel keeps one message per signal
/// and its history lives in the thread. A message Slack no longer takes (deleted, channel archived) is logged and
/// skipped: the state is stored either way.
/// </summary>
public sealed class SignalCopies(NotificationOutbox outbox, WorkspaceSettingsRepository settings, ILogger<SignalCopies> logger)
{
    private const int MaxNamesInReply = 10;

    public Task ShowAsync(ISlackApiClient client, Workspace workspace, IReadOnlyCollection<long> signalRowIds, SignalEvent happened, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(happened);
        return ShowAsync(client, workspace, signalRowIds, affected => ThreadReply(happened, affected), ct);
    }

    /// <summary>As above, with the thread reply written by <paramref name="reply"/> from the copies each message carries.</summary>
    public async Task ShowAsync(ISlackApiClient client, Workspace workspace, IReadOnlyCollection<long> signalRowIds, Func<IReadOnlyList<OutboxDelivery>, string> reply, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(reply);
        var copies = await outbox.SentCopiesAsync(workspace, signalRowIds, ct);
        if (copies.Count == 0)
        {
            return;
        }

        var salesforce = (await settings.GetAsync(workspace, ct)).SalesforceBaseUrl;
        foreach (var message in copies.GroupBy(c => (Channel: c.SlackChannel!, Ts: c.SlackTs!)))
        {
            await ShowOnAsync(client, workspace, message.Key.Channel, message.Key.Ts, [.. message], salesforce, reply, ct);
        }
    }

    /// <summary>As ShowAsync for one copy only: what its reader did concerns that message alone.</summary>
    public async Task ShowOnCopyAsync(ISlackApiClient client, Workspace workspace, OutboxDelivery copy, SignalEvent happened, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(copy);
        if (copy.SlackChannel is { } channel && copy.SlackTs is { } ts)
        {
            // The copy was read before the change: read it again so the message shows it.
            var fresh = await outbox.GetAsync(workspace, copy.Id, ct) ?? copy;
            var salesforce = (await settings.GetAsync(workspace, ct)).SalesforceBaseUrl;
            await ShowOnAsync(client, workspace, channel, ts, [fresh], salesforce, affected => ThreadReply(happened, affected), ct);
        }
    }

    private async Task ShowOnAsync(
        ISlackApiClient client,
        Workspace workspace,
        string channel,
        string ts,
        IReadOnlyList<OutboxDelivery> affected,
        string? salesforce,
        Func<IReadOnlyList<OutboxDelivery>, string> reply,
        CancellationToken ct)
    {
        try
        {
            await RedrawAsync(client, workspace, affected[0], channel, ts, salesforce, ct);
            await client.ChatPostMessageAsync(channel, new Message(reply(affected)), new PostMessageOptions { ThreadTs = ts }, ct);
        }
        catch (SlackApiException e)
        {
            logger.LogWarning("Could not show a change on message {Ts} in {Channel} of {Workspace}: {Error}", ts, channel, workspace, e.Error);
        }
    }

    /// <summary>Draws the message carrying <paramref name="copy"/> again as stored now, with no thread reply (a test notification's).</summary>
    public async Task RedrawAsync(ISlackApiClient client, Workspace workspace, OutboxDelivery copy, string channel, string ts, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(client);
        try
        {
            var fresh = await outbox.GetAsync(workspace, copy.Id, ct) ?? copy;
            await RedrawAsync(client, workspace, fresh, channel, ts, (await settings.GetAsync(workspace, ct)).SalesforceBaseUrl, ct);
        }
        catch (SlackApiException e)
        {
            logger.LogWarning("Could not redraw notification {DeliveryId} of {Workspace}: {Error}", copy.Id, workspace, e.Error);
        }
    }

    private async Task RedrawAsync(ISlackApiClient client, Workspace workspace, OutboxDelivery copy, string channel, string ts, string? salesforce, CancellationToken ct)
    {
        if (await RedrawnAsync(workspace, copy, salesforce, ct) is { } redrawn)
        {
            await client.ChatUpdateAsync(channel, ts, redrawn, ct);
        }
    }

    // The message as stored now (the copy is read after the change): a digest with all its lines, or the one notification.
    private async Task<Message?> RedrawnAsync(Workspace workspace, OutboxDelivery copy, string? salesforce, CancellationToken ct)
    {
        if (copy.MessageId is { } messageId)
        {
            var contents = (await outbox.ItemsOfAsync(workspace, messageId, ct)).Select(i => i.ToContent(salesforce)).OfType<NotificationContent>().ToList();
            return contents.Count is > 0 and <= DigestComposer.MaxItems ? DigestComposer.Compose(new DigestContent(contents)) : null;
        }

        return copy.ToContent(salesforce) is { } content ? NotificationComposer.Compose(content) : null;
    }

    /// <summary>"&lt;@U1&gt; acknowledged Jane Doe (Acme Corp)", naming up to ten people when a digest's lines went together.</summary>
    public static string ThreadReply(SignalEvent happened, IReadOnlyList<OutboxDelivery> affected)
    {
        ArgumentNullException.ThrowIfNull(happened);
        ArgumentNullException.ThrowIfNull(affected);
        var names = affected
            .Select(a => a.ReadSignal())
            .OfType<Workflows.Signal>()
            .Select(s => $"{UntrustedText.MrkdwnClipped(s.Person.FullName, 80)} ({UntrustedText.MrkdwnClipped(s.Account.Name, 80)})")
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var who = names.Count switch
        {
            0 => "this signal",
            1 => names[0],
            _ => $"{names.Count} signals: {string.Join(", ", names.Take(MaxNamesInReply))}{(names.Count > MaxNamesInReply ? ", …" : string.Empty)}",
        };
        return $"{Emoji(happened.Verb)} <@{happened.UserId}> {happened.Verb} {who}{happened.Detail}.";
    }

    private static string Emoji(string verb) => verb switch
    {
        SignalVerbs.Acknowledged => ":white_check_mark:",
        SignalVerbs.Claimed => ":raising_hand:",
        SignalVerbs.MarkedNotRelevant => ":no_entry_sign:",
        SignalVerbs.Snoozed => ":zzz:",
        _ => ":leftwards_arrow_with_hook:",
    };
}

/// <summary>The verbs of <see cref="SignalEvent"/>.</summary>
public static class SignalVerbs
{
    public const string Acknowledged = "acknowledged";
    public const string Claimed = "claimed";
    public const string Released = "released";
    public const string MarkedNotRelevant = "marked not relevant:";
    public const string Snoozed = "snoozed";
}
