using System.Globalization;
using SlackApp.SlackUx;

namespace SlackApp.Notifications;

/// <summary>
/// An option of a digest item's menu: what to do (an action id of <see cref="NotificationActions"/>) and to which
/// item, written <c>notification.acknowledge:42</c>. Read back untrusted: the item is re-checked when chosen.
/// </summary>
public sealed record DigestItemChoice(string ActionId, long ItemId)
{
    public string Write() => $"{ActionId}:{ItemId.ToString(CultureInfo.InvariantCulture)}";

    public static DigestItemChoice? Read(string? value)
    {
        var colon = value?.LastIndexOf(':') ?? -1;
        if (value is null || colon <= 0 || IdValue.Read(value[(colon + 1)..]) is not { } id)
        {
            return null;
        }

        var action = value[..colon];
        return action is NotificationActions.Acknowledge or NotificationActions.Claim or NotificationActions.Release or NotificationActions.NotRelevant or NotificationActions.Snooze or NotificationActions.WrongOwner
            or NotificationActions.OpenInSalesforce or NotificationActions.ViewLinkedin
            ? new DigestItemChoice(action, id)
            : null;
    }
}
