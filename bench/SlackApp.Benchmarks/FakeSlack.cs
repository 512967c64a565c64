using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SlackApp.Benchmarks;

/// <summary>
/// Slack's Web API as the delivery run meets it, over real HTTP on loopback: <c>chat.postMessage</c> takes 150 ms
/// (a real async delay) and answers 429 with <c>Retry-After: 1</c> beyond <see cref="FakeSlackLimits"/>;
/// <c>users.lookupByEmail</c> knows 200 account owners (<c>owner{i}@bench.example</c>, stable user ids) and answers at
/// once; <c>auth.test</c> names the bench workspace. Everything else is <c>unknown_method</c>, counted.
/// </summary>
internal sealed partial class FakeSlack : IAsyncDisposable
{
    public const string BotToken = "xoxb-bench";
    public const int Owners = 200;
    public static readonly TimeSpan PostLatency = TimeSpan.FromMilliseconds(150);

    private readonly WebApplication _app;
    private FakeSlackLimits _limits = new();
    private int _ts;
    private int _unknownCalls;

    private FakeSlack(WebApplication app) => _app = app;

    public Uri ApiBase { get; private set; } = null!;

    public DeliveryLedger Ledger { get; private set; } = new(0);

    /// <summary>Calls of methods the fake does not know: the app asking for something the run does not model.</summary>
    public int UnknownCalls => Volatile.Read(ref _unknownCalls);

    public static string OwnerEmail(int owner) => $"owner{owner}@bench.example";

    public static async Task<FakeSlack> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var slack = new FakeSlack(app);
        app.MapPost("/api/{method}", slack.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        slack.ApiBase = new Uri($"{address.TrimEnd('/')}/api/");
        return slack;
    }

    /// <summary>Starts counting a new delivery run of <paramref name="expected"/> signals, with full buckets.</summary>
    public DeliveryLedger BeginRun(int expected)
    {
        _limits = new FakeSlackLimits();
        Ledger = new DeliveryLedger(expected);
        return Ledger;
    }

    private async Task HandleAsync(HttpContext context, string method)
    {
        var token = context.Request.Headers.Authorization.ToString() is var header && header.StartsWith("Bearer ", StringComparison.Ordinal) ? header[7..] : string.Empty;
        switch (method)
        {
            case "chat.postMessage":
                await PostMessageAsync(context, token);
                break;
            case "users.lookupByEmail":
                var form = await context.Request.ReadFormAsync(context.RequestAborted);
                await LookupAsync(context, form["email"].ToString());
                break;
            case "auth.test":
                await JsonAsync(context, $$"""{"ok":true,"url":"https://bench.slack.test/","team":"Bench","user":"bench","team_id":"{{AppUnderTest.TeamId}}","user_id":"U0BOT","bot_id":"B0BOT"}""");
                break;
            default:
                Interlocked.Increment(ref _unknownCalls);
                await JsonAsync(context, """{"ok":false,"error":"unknown_method"}""");
                break;
        }
    }

    private async Task PostMessageAsync(HttpContext context, string token)
    {
        using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        var root = body.RootElement;
        var channel = root.TryGetProperty("channel", out var c) ? c.GetString() ?? string.Empty : string.Empty;
        var refused = _limits.TryTake(token, channel);
        var ledger = Ledger;
        if (refused != SlackLimit.None)
        {
            ledger.Refused(refused);
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            context.Response.Headers.RetryAfter = "1";
            await JsonAsync(context, """{"ok":false,"error":"ratelimited"}""");
            return;
        }

        ledger.Post(DeliveryId(root), Persons(root));
        await Task.Delay(PostLatency, context.RequestAborted);
        var ts = $"1700000000.{Interlocked.Increment(ref _ts):D6}";
        await JsonAsync(context, $$$"""{"ok":true,"channel":{{{JsonSerializer.Serialize(channel)}}},"ts":"{{{ts}}}","message":{"type":"message","ts":"{{{ts}}}"}}""");
    }

    private static Task LookupAsync(HttpContext context, string email)
    {
        if (OwnerNumber().Match(email) is { Success: true } match
            && int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) is var owner and >= 0 and < Owners)
        {
            var user = new JsonObject
            {
                ["id"] = $"U0OWNER{owner:D3}",
                ["team_id"] = AppUnderTest.TeamId,
                ["name"] = $"owner{owner}",
                ["real_name"] = $"Owner {owner}",
                ["deleted"] = false,
                ["profile"] = new JsonObject { ["email"] = email },
            };
            return JsonAsync(context, new JsonObject { ["ok"] = true, ["user"] = user }.ToJsonString());
        }

        return JsonAsync(context, """{"ok":false,"error":"users_not_found"}""");
    }

    private static long? DeliveryId(JsonElement root) =>
        root.TryGetProperty("metadata", out var metadata)
        && metadata.TryGetProperty("event_payload", out var payload)
        && payload.TryGetProperty("delivery_id", out var id)
        && id.ValueKind == JsonValueKind.Number
            ? id.GetInt64()
            : null;

    // Every person named in the message, once: a single notification names one (in its text and again in its blocks),
    // a digest one per line.
    private static HashSet<int> Persons(JsonElement root)
    {
        var text = root.TryGetProperty("text", out var t) ? t.GetString() ?? string.Empty : string.Empty;
        var blocks = root.TryGetProperty("blocks", out var b) ? b.GetRawText() : string.Empty;
        return [.. PersonNumber().Matches(text + "\n" + blocks).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))];
    }

    private static Task JsonAsync(HttpContext context, string json)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(json, context.RequestAborted);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [GeneratedRegex(@"^owner(\d+)@bench\.example$", RegexOptions.IgnoreCase)]
    private static partial Regex OwnerNumber();

    [GeneratedRegex(@"Person (\d+)\b")]
    private static partial Regex PersonNumber();
}
