using System.Reflection;

namespace SlackApp.Slack.Tests.Routing;

/// <summary>
/// Implements any interface with one delegate. The Web API and OAuth interfaces belong to another layer and grow
/// over time; faking them through a proxy keeps these tests compiling as they do. Public and unsealed because
/// DispatchProxy derives from it at run time.
/// </summary>
public class InterfaceProxy : DispatchProxy
{
    private Func<MethodInfo, object?[], object?> _behaviour = (_, _) => null;

    public static T Create<T>(Func<MethodInfo, object?[], object?> behaviour)
        where T : class
    {
        var proxy = Create<T, InterfaceProxy>();
        ((InterfaceProxy)(object)proxy)._behaviour = behaviour;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => _behaviour(targetMethod!, args ?? []);
}
