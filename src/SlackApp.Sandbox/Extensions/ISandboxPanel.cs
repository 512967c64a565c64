namespace SlackApp.Sandbox.Extensions;

/// <summary>
/// A side panel of the sandbox page, listed under Tools: a text to edit, ready-made presets of it, and buttons whose
/// actions the server performs on the text (e.g. posting it to the app, signed as the app expects).
/// </summary>
public interface ISandboxPanel
{
    /// <summary>The panel as the page draws it. Asked on every page load, so presets may be fresh each time.</summary>
    SandboxPanelForm Describe();

    /// <summary>Performs <see cref="SandboxPanelRequest.Action"/> on the panel's text; what it answers is shown on the page.</summary>
    Task<SandboxPanelResult> PerformAsync(SandboxPanelRequest request, CancellationToken cancellationToken);
}
