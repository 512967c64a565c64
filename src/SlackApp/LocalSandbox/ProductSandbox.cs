using System.Security.Cryptography;
using SlackApp.Sandbox.Extensions;
using SlackApp.Sandbox.Workspace;

namespace SlackApp.LocalSandbox;

/// <summary>
/// What the product plugs into the local Slack sandbox: its name and slash command, the settings it needs there (a
/// signal secret, a Salesforce base URL, its public address), a fallback channel, and the "Send a signal" panel.
/// </summary>
public sealed class ProductSandbox : ISandboxExtension
{
    public const string AppName = "UserGems";
    public const string Command = "/usergems";

    /// <summary>The sample Salesforce base URL seeded for the workspace, so "Open in Salesforce" links render.</summary>
    public const string SalesforceBaseUrl = "https://sandbox.my.salesforce.com";

    /// <summary>A channel for notifications whose recipient is not in Slack.</summary>
    public const string FallbackChannelId = "C0FALLBACK";

    public void Configure(SandboxExtensionContext sandbox)
    {
        ArgumentNullException.ThrowIfNull(sandbox);
        sandbox.AppName = AppName;
        sandbox.Commands.Add(Command);
        sandbox.ComposerHint = $"{Command} workflow create";
        // As manifest/manifest.json: the app reads no DMs, so its Messages tab is read-only.
        sandbox.MessagesTabReadOnly = true;

        // The configured secret, else a new one each run; the signals panel signs with whichever the app reads.
        sandbox.Set("Signals:Secret", sandbox.Configuration["Signals:Secret"] is { Length: > 0 } secret ? secret : Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24)));
        if (string.IsNullOrWhiteSpace(sandbox.Configuration["Salesforce:BaseUrl"]))
        {
            sandbox.Set("Salesforce:BaseUrl", SalesforceBaseUrl);
        }

        if (string.IsNullOrWhiteSpace(sandbox.Configuration["App:PublicBaseUrl"]))
        {
            // The Home tab shows signal sources the webhook URL on this address.
            sandbox.SetFromAddress("App:PublicBaseUrl", baseUrl => baseUrl + "/");
        }

        sandbox.AddChannel(FallbackChannelId, "signal-fallback", [SandboxSeed.You, SandboxSeed.Csm]);
        sandbox.AddPanel<SignalsSandboxPanel>();
    }
}
