using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace SlackApp.Tests.Operations;

/// <summary>A meter factory for parts built without the host; nothing listens to it.</summary>
internal static class TestMeters
{
    public static IMeterFactory Factory { get; } = new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>();
}
