using System.Security.Cryptography;

namespace SlackApp.Sandbox.Hosting;

/// <summary>
/// The credentials the sandbox and the app share, new on every run: nothing of them is worth keeping, and a fresh
/// set means a token copied from a log or an old database never works against a later run.
/// </summary>
public sealed class SandboxSecrets
{
    public string BotToken { get; } = "xoxb-sandbox-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>The app-level token (<c>xapp-…</c>) the app opens Socket Mode connections with, when the sandbox runs in Socket Mode.</summary>
    public string AppToken { get; } = "xapp-1-" + SandboxIdentity.AppId + "-sandbox-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public string SigningSecret { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>Slack's deprecated verification token, still sent in payloads; apps must not rely on it.</summary>
    public string VerificationToken { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
}
