using Microsoft.Extensions.Configuration;

namespace SlackApp.Sandbox.Hosting;

/// <summary>
/// Feeds the app the sandbox's credentials, what the extensions seed, and, once the server listens, its own address as
/// <c>Slack:ApiBaseUrl</c>. A reload makes <c>IOptionsMonitor&lt;SlackOptions&gt;</c> pick the address up.
/// </summary>
internal sealed class SandboxConfigurationSource(
    SandboxSecrets secrets,
    bool socketMode,
    string initialBaseUrl,
    IReadOnlyDictionary<string, string> settings,
    IReadOnlyDictionary<string, Func<string, string>> addressSettings) : IConfigurationSource
{
    public SandboxConfigurationProvider Provider { get; } = new(secrets, socketMode, initialBaseUrl, settings, addressSettings);

    public IConfigurationProvider Build(IConfigurationBuilder builder) => Provider;
}

/// <summary>The provider behind <see cref="SandboxConfigurationSource"/>.</summary>
internal sealed class SandboxConfigurationProvider : ConfigurationProvider
{
    private readonly IReadOnlyDictionary<string, Func<string, string>> _addressSettings;

    public SandboxConfigurationProvider(
        SandboxSecrets secrets,
        bool socketMode,
        string initialBaseUrl,
        IReadOnlyDictionary<string, string> settings,
        IReadOnlyDictionary<string, Func<string, string>> addressSettings)
    {
        _addressSettings = addressSettings;
        foreach (var (key, value) in settings)
        {
            Data[key] = value;
        }

        // Slack's credentials last: an extension cannot replace them.
        Data["Slack:BotToken"] = secrets.BotToken;
        Data["Slack:SigningSecret"] = secrets.SigningSecret;
        if (socketMode)
        {
            Data["Slack:AppToken"] = secrets.AppToken;
        }

        SetBaseUrl(initialBaseUrl);
    }

    /// <summary>Points the Web API client at the sandbox served from <paramref name="baseUrl"/>.</summary>
    public void UseBaseUrl(string baseUrl)
    {
        SetBaseUrl(baseUrl);
        OnReload();
    }

    private void SetBaseUrl(string baseUrl)
    {
        var trimmed = baseUrl.TrimEnd('/');
        foreach (var (key, valueFor) in _addressSettings)
        {
            Data[key] = valueFor(trimmed);
        }

        Data["Slack:ApiBaseUrl"] = trimmed + "/sandbox/api/";
    }
}
