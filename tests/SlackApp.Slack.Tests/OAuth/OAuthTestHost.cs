using System.Collections.Concurrent;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using SlackApp.Slack.OAuth;
using SlackApp.Slack.Tests.WebApi;

namespace SlackApp.Slack.Tests.OAuth;

/// <summary>The real OAuth registration over a fake Slack, an ephemeral Data Protection key ring and a recording installation store.</summary>
internal static class OAuthTestHost
{
    public const string RedirectUri = "https://app.example.com/slack/oauth_redirect";

    public static SlackTestHost Create(RecordingInstallationStore? store = null) => new(services =>
    {
        services.AddSlackOAuth();
        services.AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider());
        services.AddSingleton<IInstallationStore>(store ?? new RecordingInstallationStore());
        services.Configure<SlackOAuthOptions>(o =>
        {
            o.Scopes.Add("chat:write");
            o.Scopes.Add("commands");
            o.Scopes.Add("users:read.email");
            o.RedirectUri = RedirectUri;
        });
    });
}

/// <summary>Keeps what the flow saves.</summary>
internal sealed class RecordingInstallationStore : IInstallationStore
{
    private readonly ConcurrentQueue<Installation> _saved = new();

    public IReadOnlyList<Installation> Saved => [.. _saved];

    public Task SaveAsync(Installation installation, CancellationToken cancellationToken)
    {
        _saved.Enqueue(installation);
        return Task.CompletedTask;
    }

    public Task<Installation?> FindAsync(string? enterpriseId, string? teamId, bool isEnterpriseInstall, CancellationToken cancellationToken)
        => Task.FromResult(_saved.LastOrDefault(i => i.TeamId == teamId && i.EnterpriseId == enterpriseId));

    public Task DeleteAsync(string? enterpriseId, string? teamId, CancellationToken cancellationToken) => Task.CompletedTask;
}
