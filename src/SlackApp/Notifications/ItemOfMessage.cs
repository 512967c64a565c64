using System.Globalization;

namespace SlackApp.Notifications;

/// <summary>
/// The item a modal opened from a notification is about (Not relevant, Snooze), and the message it was opened from,
/// carried in the modal's private_metadata and re-checked against the verified workspace on submit.
/// </summary>
public sealed record ItemOfMessage(long ItemId, string Channel, string Ts)
{
    public string Write() => $"{ItemId.ToString(CultureInfo.InvariantCulture)}|{Channel}|{Ts}";

    public static ItemOfMessage? Read(string? metadata) =>
        metadata?.Split('|') is [var id, { Length: > 0 } channel, { Length: > 0 } ts] && long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var itemId)
            ? new ItemOfMessage(itemId, channel, ts)
            : null;
}
