using SlackApp.Slack.Http;

namespace SlackApp.Signals;

/// <summary>The signal intake's body limit: 1 MiB, as SIGNALS.md promises sources.</summary>
internal static class SignalRequestBody
{
    public const int MaxBytes = 1024 * 1024;

    /// <summary>The body's bytes, or null when it is longer than <see cref="MaxBytes"/>.</summary>
    public static Task<byte[]?> ReadAsync(HttpRequest request, CancellationToken cancellationToken) =>
        CappedRequestBody.ReadAsync(request, MaxBytes, cancellationToken);
}
