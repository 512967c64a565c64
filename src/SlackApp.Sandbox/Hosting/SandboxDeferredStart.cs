using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace SlackApp.Sandbox.Hosting;

/// <summary>
/// Starts a hosted service only once the sandbox is reachable. Hosted services start before the server listens,
/// so one that calls the Web API at start-up (single-workspace mode's <c>auth.test</c>) would find no sandbox yet.
/// </summary>
internal sealed class SandboxDeferredStart<TService>(IServiceProvider services, SandboxAddress address) : IHostedLifecycleService
    where TService : class, IHostedService
{
    private TService? _started;

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        await address.WhenKnown.WaitAsync(cancellationToken);
        _started = ActivatorUtilities.CreateInstance<TService>(services);
        await _started.StartAsync(cancellationToken);
    }

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => _started?.StopAsync(cancellationToken) ?? Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
