namespace SlackApp.Sandbox.Interactions;

/// <summary>What a person chose, by block id then action id: option values, user or conversation ids, or the text typed.</summary>
public sealed class SandboxChoices : Dictionary<string, Dictionary<string, List<string>>>
{
    public SandboxChoices()
        : base(StringComparer.Ordinal)
    {
    }

    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>> AsReadOnly() =>
        this.ToDictionary(b => b.Key, b => (IReadOnlyDictionary<string, IReadOnlyList<string>>)b.Value.ToDictionary(a => a.Key, a => (IReadOnlyList<string>)a.Value, StringComparer.Ordinal), StringComparer.Ordinal);
}

/// <summary>Text typed in a conversation's composer: a slash command, or a plain message.</summary>
public sealed record SandboxComposerInput(string As, string Channel, string Text);

/// <summary>
/// A click or choice on an element of a <c>message</c>, the <c>home</c> tab or a <c>modal</c> (the surface), with the
/// values chosen in it (none for a button) and the current values of the surface's other elements. The page names
/// the version it showed (the message's <paramref name="MessageRevision"/>, the view's <paramref name="ViewHash"/>):
/// the element is looked up there, since someone else's click may have changed the surface in the meantime.
/// </summary>
public sealed record SandboxActionInput(
    string As,
    string Surface,
    string BlockId,
    string ActionId,
    string? ChannelId = null,
    string? MessageTs = null,
    string? ViewId = null,
    IReadOnlyList<string>? Selected = null,
    SandboxChoices? Values = null,
    int? MessageRevision = null,
    string? ViewHash = null);

/// <summary>A modal's Submit button, with the values of its inputs.</summary>
public sealed record SandboxSubmitInput(string As, string ViewId, SandboxChoices? Values = null);

/// <summary>A modal's Close button (or the ✕).</summary>
public sealed record SandboxCloseInput(string As, string ViewId);

/// <summary>Opening the app's Home or Messages tab.</summary>
public sealed record SandboxOpenAppInput(string As, string Tab = "home");

/// <summary>What became of a person's request: done, or why not (Slack's words where Slack has them).</summary>
public sealed record SandboxOutcome(bool Ok, string? Error = null)
{
    public static SandboxOutcome Done { get; } = new(true);

    public static SandboxOutcome Failed(string error) => new(false, error);
}
