using System.Globalization;
using SlackApp.Slack.Blocks;
using SlackApp.SlackUx;

namespace SlackApp.Notifications;

/// <summary>
/// What "Wrong owner" adds to a notification, kept here so the composers each take one small block: the button, the
/// digest line's option, and the lines saying where a copy went or who forwarded it.
/// </summary>
public static class WrongOwnerView
{
    public const string ButtonText = "Wrong owner";
    public const int ReasonShown = 300;

    public static Button Button(NotificationContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return new Button(new PlainText(ButtonText)) { ActionId = NotificationActions.WrongOwner, Value = content.DeliveryId.ToString(CultureInfo.InvariantCulture) };
    }

    public static Option MenuOption(NotificationContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return new Option(new PlainText(ButtonText + "…"), new DigestItemChoice(NotificationActions.WrongOwner, content.DeliveryId).Write());
    }

    /// <summary>"Forwarded to @Y by @X" on the copy forwarded; "Forwarded by @X: why" on the DM it became.</summary>
    public static IEnumerable<Block> Lines(NotificationContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.ForwardedFrom is { } from)
        {
            yield return new ContextBlock([UntrustedText.Markdown($":leftwards_arrow_with_hook: Forwarded by <@{from.ByUserId}>{Why(from.Reason)}")]);
        }

        if (content.Forwarded is { } mark)
        {
            yield return new ContextBlock([UntrustedText.Markdown($":arrow_right: Forwarded to <@{mark.ToUserId}> by <@{mark.ByUserId}> · {NotificationComposer.SlackDate(mark.At)}")]);
        }
    }

    /// <summary>": “their words”", or nothing when they gave none.</summary>
    public static string Why(string? reason) =>
        string.IsNullOrWhiteSpace(reason) ? string.Empty : $": “{UntrustedText.MrkdwnClipped(reason, ReasonShown)}”";
}
