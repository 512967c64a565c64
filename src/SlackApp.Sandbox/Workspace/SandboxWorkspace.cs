using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using SlackApp.Sandbox.Hosting;

namespace SlackApp.Sandbox.Workspace;

/// <summary>
/// The state of the sandbox workspace: members and conversations, messages, views, the trigger ids and response URLs
/// handed out, and notices; one file per concern. One lock guards it all; every change bumps <see cref="Version"/> so
/// the page can wait for the next one.
/// </summary>
public sealed partial class SandboxWorkspace
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _clock;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _version;
    private long _sequence;

    // extraChannels: what extensions add to the seed (SandboxExtensionContext.AddChannel).
    internal SandboxWorkspace(TimeProvider clock, IOptions<SandboxOptions> options, IEnumerable<SandboxChannel> extraChannels)
    {
        ArgumentNullException.ThrowIfNull(options);
        _clock = clock;
        TriggerLifetime = options.Value.TriggerLifetime;
        Seed(options.Value.AppName, extraChannels);
    }

    public string TeamId => SandboxIdentity.TeamId;

    public long Version
    {
        get
        {
            lock (_gate)
            {
                return _version;
            }
        }
    }

    public DateTimeOffset Now => _clock.GetUtcNow();

    /// <summary>Completes when <see cref="Version"/> moves past <paramref name="seen"/>, or when <paramref name="cancellationToken"/> fires.</summary>
    public Task WhenChangedSinceAsync(long seen, CancellationToken cancellationToken)
    {
        Task changed;
        lock (_gate)
        {
            if (_version != seen)
            {
                return Task.CompletedTask;
            }

            changed = _changed.Task;
        }

        return changed.WaitAsync(cancellationToken);
    }

    /// <summary>Call under the lock after every change: wakes whoever waits for the next version.</summary>
    private void Changed()
    {
        _version++;
        var changed = _changed;
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        changed.TrySetResult();
    }

    private static string RandomHex(int length) => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes((length + 1) / 2))[..length];
}
