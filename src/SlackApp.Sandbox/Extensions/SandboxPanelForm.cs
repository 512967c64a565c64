namespace SlackApp.Sandbox.Extensions;

/// <summary>How the page draws an <see cref="ISandboxPanel"/>: its place in the sidebar, its text, presets and buttons.</summary>
/// <param name="Id">Names the panel in URLs (<c>/sandbox?view={id}</c>): lowercase letters, digits and dashes.</param>
/// <param name="Title">The sidebar button and the pane's title.</param>
public sealed record SandboxPanelForm(string Id, string Title)
{
    /// <summary>Shown before the title in the sidebar (an emoji).</summary>
    public string? Icon { get; init; }

    /// <summary>A paragraph at the top of the panel, in Slack's mrkdwn.</summary>
    public string? Intro { get; init; }

    /// <summary>The label of the presets' list; the list is hidden when there are no presets.</summary>
    public string PresetsLabel { get; init; } = "Preset";

    /// <summary>Ready-made texts; choosing one fills the text box. The first is shown when the page loads.</summary>
    public IReadOnlyList<SandboxPanelPreset> Presets { get; init; } = [];

    /// <summary>The label of the text box.</summary>
    public string TextLabel { get; init; } = "Text";

    /// <summary>The panel's buttons, in order.</summary>
    public IReadOnlyList<SandboxPanelAction> Actions { get; init; } = [];

    /// <summary>The accessible name of the area showing what an action answered.</summary>
    public string ResultLabel { get; init; } = "Result";
}

/// <summary>A ready-made text of a panel, listed by <paramref name="Name"/>.</summary>
public sealed record SandboxPanelPreset(string Name, string Text);

/// <summary>A button of a panel; <paramref name="Id"/> is what <see cref="SandboxPanelRequest.Action"/> carries.</summary>
public sealed record SandboxPanelAction(string Id, string Label)
{
    /// <summary>Drawn as the panel's main button.</summary>
    public bool IsPrimary { get; init; }

    /// <summary>Shown in the result area while the action runs; null leaves the area as it is.</summary>
    public string? Pending { get; init; }
}

/// <summary>An action asked of a panel, with the text as the page holds it and a client that reaches the app.</summary>
/// <param name="Action">The <see cref="SandboxPanelAction.Id"/> of the button pressed.</param>
/// <param name="Text">The panel's text as the page holds it.</param>
/// <param name="App">Reaches the app as the sandbox does (base address: the app's base URL); disposed after the action.</param>
public sealed record SandboxPanelRequest(string Action, string Text, HttpClient App);

/// <summary>What an action answers; each part left null leaves that part of the page as it is.</summary>
public sealed record SandboxPanelResult
{
    /// <summary>Shown in the panel's result area.</summary>
    public string? Output { get; init; }

    /// <summary>Whether <see cref="Output"/> reads as a success or a failure.</summary>
    public bool Succeeded { get; init; }

    /// <summary>Replaces the panel's text.</summary>
    public string? Text { get; init; }

    /// <summary>A short line in the page's status bar, e.g. why the action could not run.</summary>
    public string? Status { get; init; }
}
