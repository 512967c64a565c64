namespace SlackApp.Slack.WebApi;

/// <summary>How secrets print: whether one is there, never what it is.</summary>
internal static class Redaction
{
    public static string Of(string? secret) => secret is null ? "null" : "[redacted]";
}
