namespace SlackApp.Operations;

/// <summary>
/// The tag that puts a health check behind <c>/readyz</c>. Another part of the app adds its own with
/// <c>services.AddHealthChecks().AddCheck&lt;T&gt;("name", tags: [ReadinessChecks.Tag])</c> (e.g. Socket Mode: a connection is open).
/// </summary>
public static class ReadinessChecks
{
    public const string Tag = "ready";
}
