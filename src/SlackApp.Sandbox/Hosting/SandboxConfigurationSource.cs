using Microsoft.Extensions.Configuration;

namespace SlackApp.Sandbox.Hosting;

/// <summary>
/// Feeds the app the sandbox's credentials and, once the server listens, its own address as <c>Slack:ApiBaseUrl</c>.
/// A reload makes <c>IOptionsMonitor&lt;SlackOptions&gt;</c> pick the address up.
/// </summary>
internal sealed class SandboxConfigurationSource(SandboxSecrets secrets, string initialBaseUrl, bool seedSalesforce, bool seedPublicBaseUrl) : IConfigurationSource
{
    public SandboxConfigurationProvider Provider { get; } = new(secrets, initialBaseUrl, seedSalesforce, seedPublicBaseUrl);

    public IConfigurationProvider Build(IConfigurationBuilder builder) => Provider;
}

/// <summary>The provider behind <see cref="SandboxConfigurationSource"/>.</summary>
internal sealed class SandboxConfigurationProvider : ConfigurationProvider
{
    private readonly bool _seedPublicBaseUrl;

    public SandboxConfigurationProvider(SandboxSecrets secrets, string initialBaseUrl, bool seedSalesforce, bool seedPublicBaseUrl)
    {
        _seedPublicBaseUrl = seedPublicBaseUrl;
        Data["Slack:BotToken"] = secrets.BotToken;
        Data["Slack:SigningSecret"] = secrets.SigningSecret;
        Data["Signals:Secret"] = secrets.SignalSecret;
        if (seedSalesforce)
        {
            Data["Salesforce:BaseUrl"] = SandboxIdentity.SalesforceBaseUrl;
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
        Data["Slack:ApiBaseUrl"] = ApiBaseOf(baseUrl);
        if (_seedPublicBaseUrl)
        {
            // The Home tab shows signal sources the webhook URL on this address.
            Data["App:PublicBaseUrl"] = baseUrl.TrimEnd('/') + "/";
        }
    }

    private static string ApiBaseOf(string baseUrl) => baseUrl.TrimEnd('/') + "/sandbox/api/";
}
