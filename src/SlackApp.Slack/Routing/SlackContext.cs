using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SlackApp.Slack.Blocks;
using SlackApp.Slack.OAuth;
using SlackApp.Slack.Payloads;
using SlackApp.Slack.WebApi;

namespace SlackApp.Slack.Routing;

/// <summary>
/// Everything a middleware or listener needs about one Slack request: who sent it, the workspace's installation,
/// a Web API client bound to its bot token, <c>respond</c> to the <c>response_url</c>, and a bag for middleware.
/// </summary>
public sealed class SlackContext
{
    private readonly SlackRequestOrigin _origin;
    private readonly string? _fallbackBotToken;
    private ISlackApiClient? _client;

    internal SlackContext(
        SlackPayload payload,
        SlackRequestOrigin origin,
        IServiceProvider services,
        ILogger logger,
        string? fallbackBotToken,
        CancellationToken cancellationToken)
    {
        Payload = payload;
        _origin = origin;
        Services = services;
        Logger = logger;
        _fallbackBotToken = fallbackBotToken;
        CancellationToken = cancellationToken;
    }

    /// <summary>The typed payload Slack sent.</summary>
    public SlackPayload Payload { get; }

    public string? TeamId => _origin.TeamId;
    public string? EnterpriseId => _origin.EnterpriseId;
    public bool IsEnterpriseInstall => _origin.IsEnterpriseInstall;
    public string? UserId => _origin.UserId;
    public string? ChannelId => _origin.ChannelId;

    /// <summary>Where <see cref="RespondAsync(ResponseUrlMessage, CancellationToken)"/> posts; null when the payload has none.</summary>
    public string? ResponseUrl => _origin.ResponseUrl;

    /// <summary>Opens a modal (valid for 3 seconds after the interaction).</summary>
    public string? TriggerId => _origin.TriggerId;

    /// <summary>The workspace's installation, found through <see cref="IInstallationStore"/>; null when there is none.</summary>
    public Installation? Installation { get; internal set; }

    /// <summary>True when the app can call the Web API for this request's workspace.</summary>
    public bool IsInstalled => Installation is not null || !string.IsNullOrEmpty(_fallbackBotToken);

    /// <summary>A Web API client bound to the workspace's bot token; throws <see cref="SlackAppNotInstalledException"/> when there is none.</summary>
    public ISlackApiClient Client => _client ??= CreateClient();

    /// <summary>A logger for the request.</summary>
    public ILogger Logger { get; }

    /// <summary>Services of this request's scope (it outlives the HTTP response, as the handler may).</summary>
    public IServiceProvider Services { get; }

    /// <summary>Cancelled when the app shuts down; handlers keep running after the HTTP response, so this is not the HTTP request's token.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>Values middleware passes along to later middleware and the listener.</summary>
    public IDictionary<string, object?> Items { get; } = new Dictionary<string, object?>(StringComparer.Ordinal);

    /// <summary>Posts an ephemeral text message to the request's <c>response_url</c>.</summary>
    public Task RespondAsync(string text, CancellationToken cancellationToken = default) =>
        RespondAsync(ResponseUrlMessage.Ephemeral(new Message(text)), cancellationToken);

    /// <summary>Posts <paramref name="message"/> to the request's <c>response_url</c>; throws <see cref="SlackApiException"/> when Slack refuses it.</summary>
    public Task RespondAsync(ResponseUrlMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var responseUrl = ResponseUrl
            ?? throw new InvalidOperationException("This Slack request carries no response_url to respond to.");
        var client = Services.GetRequiredService<ISlackResponseUrlClient>();
        return client.SendAsync(responseUrl, message, cancellationToken == default ? CancellationToken : cancellationToken);
    }

    private ISlackApiClient CreateClient()
    {
        var token = Installation?.BotToken ?? _fallbackBotToken;
        if (string.IsNullOrEmpty(token))
        {
            throw new SlackAppNotInstalledException(EnterpriseId, TeamId);
        }

        return Services.GetRequiredService<ISlackApiClientFactory>().ForToken(token);
    }
}
