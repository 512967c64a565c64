using System.Net.Http.Headers;
using System.Text;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SlackApp.Data;
using SlackApp.Installations;
using SlackApp.Signals;
using SlackApp.Slack.OAuth;
using SlackApp.Tests.Hosting;

namespace SlackApp.Tests.Signals;

/// <summary>The whole app with workspaces seeded through its own repositories, and signed signal requests.</summary>
public sealed class SignalIntakeApp : IDisposable
{
    public SignalIntakeApp()
    {
        // The app's clock is the test's: a signature's age is decided on it, never on how long the request took.
        Factory = new SlackAppFactory().WithServices(services => services.AddSingleton<TimeProvider>(Clock));
        Client = Factory.CreateClient();
    }

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public SlackAppFactory Factory { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => Factory.Services;

    /// <summary>Installs the app in <paramref name="teamId"/> and returns the workspace's signal secret.</summary>
    public async Task<string> InstallAsync(string teamId)
    {
        await Services.GetRequiredService<InstallationStore>().SaveAsync(
            new Installation { TeamId = teamId, BotUserId = "U0BOT", BotToken = "xoxb-1-2-abc", InstalledAt = DateTimeOffset.UtcNow },
            CancellationToken.None);
        return await Services.GetRequiredService<WorkspaceSettingsRepository>().EnsureSignalSecretAsync(new Workspace(teamId), CancellationToken.None);
    }

    public Task<HttpResponseMessage> PostAsync(string teamId, string? secret, byte[] body, long? timestamp = null, string contentType = "application/json")
    {
        var request = Request(teamId, body, contentType);
        if (secret is not null)
        {
            var signedAt = timestamp ?? Clock.GetUtcNow().ToUnixTimeSeconds();
            request.Headers.Add(SignalSignatureVerifier.TimestampHeader, signedAt.ToString(System.Globalization.CultureInfo.InvariantCulture));
            request.Headers.Add(SignalSignatureVerifier.SignatureHeader, SignalSignatureVerifier.Sign(secret, signedAt, body));
        }

        return Client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public static HttpRequestMessage Request(string teamId, byte[] body, string contentType = "application/json")
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return new HttpRequestMessage(HttpMethod.Post, new Uri($"/signals/{teamId}", UriKind.Relative)) { Content = content };
    }

    public async Task<IReadOnlyList<(string SignalId, string RawJson)>> StoredAsync(string teamId)
    {
        await using var connection = await Services.GetRequiredService<DbConnectionFactory>().OpenAsync(CancellationToken.None);
        var rows = await connection.QueryAsync<(string, string)>(
            "SELECT signal_id, raw_json FROM signals WHERE team_id = @TeamId ORDER BY id", new { TeamId = teamId });
        return rows.AsList();
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    public void Dispose()
    {
        Client.Dispose();
        Factory.Dispose();
    }
}
