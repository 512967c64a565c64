using System.Collections.Concurrent;
using SlackApp.Slack.OAuth;
using SlackApp.Slack.WebApi;

namespace SlackApp.Slack.Tests.Routing;

/// <summary>Installations the fake store knows, keyed by team id.</summary>
internal sealed class FakeInstallations
{
    private readonly ConcurrentDictionary<string, Installation> _byTeam = new();

    public ConcurrentQueue<(string? EnterpriseId, string? TeamId, bool IsEnterpriseInstall)> Lookups { get; } = new();

    public void Add(Installation installation) => _byTeam[installation.TeamId ?? installation.EnterpriseId!] = installation;

    public IInstallationStore Store => InterfaceProxy.Create<IInstallationStore>((method, args) =>
    {
        if (method.Name != nameof(IInstallationStore.FindAsync))
        {
            throw new NotSupportedException(method.Name);
        }

        var (enterpriseId, teamId, isEnterpriseInstall) = ((string?)args[0], (string?)args[1], (bool)args[2]!);
        Lookups.Enqueue((enterpriseId, teamId, isEnterpriseInstall));
        var key = isEnterpriseInstall ? enterpriseId : teamId;
        return Task.FromResult(key is not null && _byTeam.TryGetValue(key, out var found) ? found : null);
    });
}

/// <summary>A Web API client that only remembers the token it was created for.</summary>
internal static class FakeSlackApiClients
{
    public static readonly ConcurrentDictionary<ISlackApiClient, string> TokenOf = new();

    public static ISlackApiClientFactory Factory => InterfaceProxy.Create<ISlackApiClientFactory>((method, args) =>
    {
        if (method.Name != nameof(ISlackApiClientFactory.ForToken))
        {
            throw new NotSupportedException(method.Name);
        }

        var client = InterfaceProxy.Create<ISlackApiClient>((called, _) => throw new NotSupportedException(called.Name));
        TokenOf[client] = (string)args[0]!;
        return client;
    });
}

/// <summary>Records what would be posted to response URLs.</summary>
internal sealed class RecordingResponseUrlClient : ISlackResponseUrlClient
{
    public ConcurrentQueue<(string ResponseUrl, ResponseUrlMessage Message)> Posts { get; } = new();

    public TaskCompletionSource FirstPost { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task SendAsync(string responseUrl, ResponseUrlMessage message, CancellationToken cancellationToken)
    {
        Posts.Enqueue((responseUrl, message));
        FirstPost.TrySetResult();
        return Task.CompletedTask;
    }
}
