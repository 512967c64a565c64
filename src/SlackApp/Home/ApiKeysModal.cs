using System.Globalization;
using SlackApp.ApiKeys;
using SlackApp.Slack.Blocks;
using SlackApp.Slack.Payloads;
using SlackApp.SlackUx;

namespace SlackApp.Home;

/// <summary>
/// The admin's API keys modal: the workspace's live keys (name, prefix, who made it, last use) each with Revoke, and
/// a name field whose submission creates a key; then the new key, shown once.
/// </summary>
public static class ApiKeysModal
{
    public const string Title = "API keys";
    public const string CallbackId = "home.api_keys";
    public const string NameBlock = "api_key_name";
    public const string NameAction = "api_key_name.value";

    /// <summary>Live keys listed; past it a line says how many more there are (a modal holds at most 100 blocks).</summary>
    public const int ListedKeys = 40;

    public static ModalView Build(IReadOnlyList<ApiKey> keys, string apiBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var live = keys.Where(k => !k.IsRevoked).ToList();
        var revoked = keys.Count - live.Count;
        var blocks = new List<Block>
        {
            new SectionBlock
            {
                Text = new MarkdownText($"Keys let scripts manage this workspace's workflows through the admin API at `{apiBaseUrl}` (`Authorization: Bearer <key>`). Changes made with a key are in the audit log under its name and its creator."),
            },
            new DividerBlock(),
        };

        if (live.Count == 0)
        {
            blocks.Add(new SectionBlock { Text = new MarkdownText("No keys yet.") });
        }

        foreach (var key in live.Take(ListedKeys))
        {
            blocks.Add(new SectionBlock
            {
                BlockId = $"api_key.{IdValue.Write(key.Id)}",
                Text = new MarkdownText(Describe(key)),
                Accessory = RevokeButton(key),
            });
        }

        var footnotes = new List<string>();
        if (live.Count > ListedKeys)
        {
            footnotes.Add($"{Number(live.Count - ListedKeys)} more keys are not listed: revoke some to see them.");
        }

        if (revoked > 0)
        {
            footnotes.Add($"{Number(revoked)} revoked {(revoked == 1 ? "key" : "keys")} (see the audit log).");
        }

        if (footnotes.Count > 0)
        {
            blocks.Add(new ContextBlock([new MarkdownText(string.Join(" ", footnotes))]));
        }

        blocks.Add(new DividerBlock());
        blocks.Add(new InputBlock(new PlainText("New key"), new PlainTextInput { ActionId = NameAction, MaxLength = ApiKey.MaxNameLength, Placeholder = new PlainText("What will use it, e.g. ci") })
        {
            BlockId = NameBlock,
            Hint = new PlainText("Press Create key to make one. It is shown once: keep it somewhere safe."),
        });

        return new ModalView(new PlainText(Title))
        {
            CallbackId = CallbackId,
            Submit = new PlainText("Create key"),
            Close = new PlainText("Done"),
            Blocks = blocks,
        };
    }

    /// <summary>The key just made, its plaintext shown this once; the modal then only closes.</summary>
    public static ModalView Created(CreatedApiKey created, string apiBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(created);
        return new ModalView(new PlainText(Title))
        {
            Close = new PlainText("Done"),
            Blocks =
            [
                new SectionBlock { Text = new MarkdownText($"*Key {UntrustedText.MrkdwnClipped(created.Key.Name, ApiKey.MaxNameLength)} created.* Copy it now: it is not shown again.\n```{created.Plaintext}```") },
                new ContextBlock([new MarkdownText($"Use it as `Authorization: Bearer <key>` on `{apiBaseUrl}`. Revoke it here when it is no longer needed.")]),
            ],
        };
    }

    /// <summary>The name typed into the New key field.</summary>
    public static string? ReadName(ViewState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.GetText(NameBlock, NameAction);
    }

    private static string Describe(ApiKey key)
    {
        var lastUsed = key.LastUsedAt is { } at ? "last used " + SlackDate.DateAndTime(at) : "never used";
        return $"*{UntrustedText.MrkdwnClipped(key.Name, ApiKey.MaxNameLength)}* `{key.Prefix}…`\n" +
            $"Created by <@{key.CreatedBy}> {SlackDate.DateAndTime(key.CreatedAt)} · {lastUsed}";
    }

    private static Button RevokeButton(ApiKey key) => new(new PlainText("Revoke"))
    {
        ActionId = HomeActionIds.RevokeApiKey,
        Value = IdValue.Write(key.Id),
        Style = ButtonStyle.Danger,
        Confirm = new ConfirmationDialog(
            new PlainText("Revoke this key?"),
            new PlainText($"Scripts using \"{UntrustedText.Truncate(UntrustedText.Line(key.Name), ApiKey.MaxNameLength)}\" are refused from the next request on. This cannot be undone."),
            new PlainText("Revoke"),
            new PlainText("Cancel"))
        {
            Style = ButtonStyle.Danger,
        },
    };

    private static string Number(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
