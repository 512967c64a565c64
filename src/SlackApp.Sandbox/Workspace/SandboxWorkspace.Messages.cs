using System.Globalization;
using System.Text.Json.Nodes;
using SlackApp.Sandbox.Hosting;

namespace SlackApp.Sandbox.Workspace;

// The messages of the workspace's conversations, ephemeral ones included.
public sealed partial class SandboxWorkspace
{
    /// <summary>How many earlier revisions of a message a late click may still name.</summary>
    private const int KeptRevisions = 10;

    private readonly List<SandboxMessage> _messages = [];

    public SandboxMessage Post(string channelId, string userId, string text, JsonArray? blocks, string? visibleTo = null, string? threadTs = null, JsonObject? metadata = null)
    {
        lock (_gate)
        {
            var message = new SandboxMessage
            {
                Ts = NextTs(),
                ChannelId = channelId,
                UserId = userId,
                BotId = userId == SandboxIdentity.BotUserId ? SandboxIdentity.BotId : null,
                Text = text,
                Blocks = blocks,
                VisibleTo = visibleTo,
                ThreadTs = threadTs,
                Metadata = metadata,
            };
            _messages.Add(message);
            Changed();
            return message;
        }
    }

    public SandboxMessage? Message(string channelId, string ts)
    {
        lock (_gate)
        {
            return _messages.FirstOrDefault(m => m.ChannelId == channelId && m.Ts == ts);
        }
    }

    public void Replace(SandboxMessage message, string text, JsonArray? blocks)
    {
        lock (_gate)
        {
            // A page may still show the blocks replaced here, and a click on them must still reach the app.
            message.EarlierBlocks[message.Revision] = message.Blocks;
            message.EarlierBlocks.Remove(message.Revision - KeptRevisions);
            message.Revision++;
            message.Text = text;
            message.Blocks = blocks;
            message.Edited = true;
            Changed();
        }
    }

    public void Delete(SandboxMessage message)
    {
        lock (_gate)
        {
            _messages.Remove(message);
            Changed();
        }
    }

    /// <summary>
    /// The blocks of <paramref name="message"/> as they were at <paramref name="revision"/>: what the person clicked
    /// saw, even when someone else's click has changed the message since (Slack delivers that click to the app too).
    /// The current blocks when no revision is named or it is no longer kept.
    /// </summary>
    public JsonArray? BlocksSeen(SandboxMessage message, int? revision)
    {
        ArgumentNullException.ThrowIfNull(message);
        lock (_gate)
        {
            return revision is { } seen && seen != message.Revision && message.EarlierBlocks.TryGetValue(seen, out var earlier) ? earlier : message.Blocks;
        }
    }

    /// <summary>The messages of a conversation that <paramref name="viewer"/> sees, oldest first.</summary>
    public IReadOnlyList<SandboxMessage> MessagesIn(string channelId, string viewer)
    {
        lock (_gate)
        {
            return [.. _messages.Where(m => m.ChannelId == channelId && (m.VisibleTo is null || m.VisibleTo == viewer))];
        }
    }

    // Slack's ts: Unix seconds and a sequence, unique and increasing within a conversation.
    private string NextTs() => string.Create(CultureInfo.InvariantCulture, $"{Now.ToUnixTimeSeconds()}.{++_sequence:D6}");
}
