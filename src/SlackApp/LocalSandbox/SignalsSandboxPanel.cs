using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using SlackApp.Sandbox.Extensions;
using SlackApp.Sandbox.Hosting;
using SlackApp.Signals;

namespace SlackApp.LocalSandbox;

/// <summary>
/// The sandbox's "Send a signal" panel: sample signals (<see cref="SandboxSampleSignals"/>) sent through the app's real
/// <c>POST /signals/{team_id}</c>, signed with the workspace's signal secret as a signal source signs them.
/// </summary>
public sealed class SignalsSandboxPanel(IConfiguration configuration, TimeProvider clock) : ISandboxPanel
{
    public const string Id = "signals";
    public const string SendAction = "send";
    public const string NewIdAction = "new-id";

    // As the page showed JSON before: two-space indents, characters as typed.
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly Dictionary<int, string> StatusWords = new()
    {
        [202] = "Accepted",
        [400] = "Bad Request",
        [401] = "Unauthorized",
        [404] = "Not Found",
        [413] = "Payload Too Large",
        [415] = "Unsupported Media Type",
    };

    /// <summary>The secret the panel signs with: the app's <c>Signals:Secret</c>, which the sandbox workspace is seeded with.</summary>
    public string Secret => configuration["Signals:Secret"] ?? string.Empty;

    public SandboxPanelForm Describe() => new(Id, "Send a signal")
    {
        Icon = "⚡",
        Intro = "Send a signal to the app's real `POST /signals/{team_id}`, signed with the workspace's signal secret. "
            + "Notifications then arrive in the channels and DMs your workflows name.",
        PresetsLabel = "Sample signal",
        Presets = [.. SandboxSampleSignals.At(clock.GetUtcNow()).Select(s => new SandboxPanelPreset(s.Name, s.Signal.ToJsonString(Indented)))],
        TextLabel = "Signal JSON",
        Actions =
        [
            new(SendAction, "Send signal") { IsPrimary = true, Pending = "Sending…" },
            new(NewIdAction, "New id"),
        ],
        ResultLabel = "Signal response",
    };

    public async Task<SandboxPanelResult> PerformAsync(SandboxPanelRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Action switch
        {
            SendAction => await SendAsync(request, cancellationToken),
            NewIdAction => WithNewId(request.Text),
            _ => new SandboxPanelResult { Status = $"The signals panel has no action '{request.Action}'." },
        };
    }

    /// <summary>Sends the text as a signal source would, and shows the status and body the app answered.</summary>
    private async Task<SandboxPanelResult> SendAsync(SandboxPanelRequest request, CancellationToken cancellationToken)
    {
        var (status, body) = await PostAsync(request.App, request.Text, cancellationToken);
        var output = $"{status} {StatusWords.GetValueOrDefault(status, string.Empty)}\n{Pretty(body)}";
        if (status != 202)
        {
            return new SandboxPanelResult { Output = output };
        }

        // A sent sample gets a new id, so sending it again is a new signal rather than an ignored retry.
        return WithNewId(request.Text) with { Output = output, Succeeded = true };
    }

    private async Task<(int Status, string Body)> PostAsync(HttpClient app, string text, CancellationToken cancellationToken)
    {
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        var bytes = Encoding.UTF8.GetBytes(text);
        using var message = new HttpRequestMessage(HttpMethod.Post, $"signals/{SandboxIdentity.TeamId}") { Content = new ByteArrayContent(bytes) };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        message.Headers.Add(SignalSignatureVerifier.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        message.Headers.Add(SignalSignatureVerifier.SignatureHeader, SignalSignatureVerifier.Sign(Secret, timestamp, bytes));
        try
        {
            using var response = await app.SendAsync(message, cancellationToken);
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
        }
        catch (HttpRequestException e)
        {
            return (0, $"The app could not be reached: {e.Message}");
        }
    }

    private static SandboxPanelResult WithNewId(string text)
    {
        if (Parse(text) is not JsonObject signal)
        {
            return new SandboxPanelResult { Status = "The signal is not valid JSON." };
        }

        signal["id"] = SandboxSampleSignals.NewId();
        return new SandboxPanelResult { Text = signal.ToJsonString(Indented) };
    }

    // A JSON answer indented for reading; anything else as it came.
    private static string Pretty(string body) => Parse(body) is { } json ? json.ToJsonString(Indented) : body;

    private static JsonNode? Parse(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
