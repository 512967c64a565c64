using SlackApp.Slack.Blocks;

namespace SlackApp.Home;

/// <summary>The modal that shows an admin the workspace's signal secret, after Show secret or a rotation.</summary>
public static class SignalSecretModal
{
    public const string Title = "Signal secret";

    public static ModalView Build(string secret, string webhookUrl, bool rotated)
    {
        var intro = rotated ? "*The signal secret was rotated.* Give signal sources the new one:" : "The workspace's signal secret:";
        return new ModalView(new PlainText(Title))
        {
            Close = new PlainText("Done"),
            Blocks =
            [
                new SectionBlock { Text = new MarkdownText($"{intro}\n```{secret}```") },
                new ContextBlock([new MarkdownText($"Signal sources sign their requests to `{webhookUrl}` with it (HMAC-SHA256). Keep it secret.")]),
            ],
        };
    }
}
