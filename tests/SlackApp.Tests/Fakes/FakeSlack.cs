using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SlackApp.Slack.Blocks;
using SlackApp.Slack.Json;

namespace SlackApp.Tests.Fakes;

/// <summary>
/// Slack's Web API as the app's HttpClients see it in tests: answers each method the way Slack's
/// docs show, records every call, and runs every message and view the app sends through the
/// Block Kit validator (a violation is answered <c>invalid_blocks</c> and kept in <see cref="Violations"/>).
/// </summary>
public sealed class FakeSlack : HttpMessageHandler
{
    public const string ApiBaseUrl = "https://slack.test/api/";
    public const string BotToken = "xoxb-fake-bot-token";

    /// <summary>The app-level token <c>apps.connections.open</c> accepts (Socket Mode).</summary>
    public const string AppToken = "xapp-1-A0KRD7HC3-1-fake-app-token";

    private readonly ConcurrentQueue<SlackCall> _calls = new();
    private readonly ConcurrentDictionary<string, Func<SlackCall, FakeSlackAnswer?>> _overrides = new();
    private readonly ConcurrentDictionary<string, Func<SlackCall, CancellationToken, Task<FakeSlackAnswer?>>> _heldOverrides = new();
    private readonly ConcurrentQueue<string> _violations = new();
    private readonly List<(Func<SlackCall, bool> Match, TaskCompletionSource<SlackCall> Done)> _waiters = [];
    private int _ts;

    public IReadOnlyList<SlackCall> Calls => [.. _calls];

    public IReadOnlyList<string> Violations => [.. _violations];

    /// <summary>Slack's end of the app's Socket Mode connections.</summary>
    public FakeSlackSocket Socket { get; } = new();

    /// <summary>The people of the fake workspace, found by <c>users.lookupByEmail</c> and <c>users.info</c>.</summary>
    public ConcurrentDictionary<string, FakeUser> Users { get; } = new();

    public string TeamId { get; set; } = "T0ACME";

    /// <summary>
    /// Channels the fake knows, for <c>conversations.info</c> and <c>users.conversations</c> (the bot is in each).
    /// Others keep the old default answer (<c>unknown_method</c>), which the app treats as "cannot tell".
    /// </summary>
    public ConcurrentDictionary<string, FakeChannel> Channels { get; } = new(StringComparer.Ordinal);

    public FakeChannel AddChannel(string id, bool isPrivate = false, params string[] members)
    {
        var channel = new FakeChannel(id, isPrivate, [.. members]);
        Channels[id] = channel;
        return channel;
    }

    /// <summary>Bot tokens Slack accepts; others get <c>invalid_auth</c>. Uninstalling a workspace revokes its token.</summary>
    public ConcurrentDictionary<string, bool> Tokens { get; } = new(StringComparer.Ordinal) { [BotToken] = true };

    public IEnumerable<SlackCall> CallsTo(string method) => Calls.Where(c => c.Method == method);

    public FakeUser AddUser(string id, string email, bool isAdmin = false, string? name = null)
    {
        var user = new FakeUser(id, email, isAdmin, name ?? id.ToLowerInvariant());
        Users[id] = user;
        return user;
    }

    /// <summary>Answers <paramref name="method"/> with <paramref name="answer"/> (return null to fall back to the default).</summary>
    public void On(string method, Func<SlackCall, FakeSlackAnswer?> answer) => _overrides[method] = answer;

    /// <summary>
    /// Answers <paramref name="method"/> when <paramref name="answer"/> completes (null: as usual), so a test can hold
    /// a call until it releases it; the token is the call's own (cancelled when the app gives up). Recorded once answered.
    /// </summary>
    public void OnHeld(string method, Func<SlackCall, CancellationToken, Task<FakeSlackAnswer?>> answer) => _heldOverrides[method] = answer;

    /// <summary>Completes when a call matching <paramref name="match"/> arrives (or already has).</summary>
    public Task<SlackCall> WaitForAsync(string method, Func<SlackCall, bool>? match = null)
    {
        bool Matches(SlackCall c) => c.Method == method && (match is null || match(c));
        lock (_waiters)
        {
            if (_calls.FirstOrDefault(Matches) is { } already)
            {
                return Task.FromResult(already);
            }

            var done = new TaskCompletionSource<SlackCall>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((Matches, done));
            return done.Task;
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var call = await SlackCall.ReadAsync(request, cancellationToken);
        var answer = _heldOverrides.TryGetValue(call.Method, out var held) && await held(call, cancellationToken) is { } heldAnswer ? heldAnswer : Answer(call);
        lock (_waiters)
        {
            _calls.Enqueue(call);
            foreach (var waiter in _waiters.Where(w => w.Match(call)).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Done.TrySetResult(call);
            }
        }

        var response = new HttpResponseMessage(answer.Status)
        {
            Content = new StringContent(answer.Body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (answer.RetryAfterSeconds is { } seconds)
        {
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(seconds));
        }

        return response;
    }

    private FakeSlackAnswer Answer(SlackCall call)
    {
        if (call.Method == "apps.connections.open")
        {
            return call.Token == AppToken ? FakeSlackAnswer.Ok(new JsonObject { ["url"] = Socket.IssueUrl() }) : FakeSlackAnswer.Error(call.Token is null ? "not_authed" : "invalid_auth");
        }

        if (call.Method != "response_url" && call.Method != "oauth.v2.access" && (call.Token is null || !Tokens.ContainsKey(call.Token)))
        {
            return FakeSlackAnswer.Error(call.Token is null ? "not_authed" : "invalid_auth");
        }

        if (Validate(call) is { Count: > 0 } violations)
        {
            foreach (var violation in violations)
            {
                _violations.Enqueue($"{call.Method}: {violation}");
            }

            return FakeSlackAnswer.Error("invalid_blocks");
        }

        if (_overrides.TryGetValue(call.Method, out var custom) && custom(call) is { } answer)
        {
            return answer;
        }

        return call.Method switch
        {
            "auth.test" => FakeSlackAnswer.Ok(new JsonObject { ["url"] = "https://acme.slack.com/", ["team"] = "Acme", ["user"] = "usergems", ["team_id"] = TeamId, ["user_id"] = "U0BOT", ["bot_id"] = "B0BOT", ["is_enterprise_install"] = false }),
            "chat.postMessage" => FakeSlackAnswer.Ok(new JsonObject { ["channel"] = call.Field("channel"), ["ts"] = NextTs(), ["message"] = new JsonObject { ["text"] = call.Field("text") } }),
            "chat.update" => FakeSlackAnswer.Ok(new JsonObject { ["channel"] = call.Field("channel"), ["ts"] = call.Field("ts"), ["text"] = call.Field("text") }),
            "chat.postEphemeral" => FakeSlackAnswer.Ok(new JsonObject { ["message_ts"] = NextTs() }),
            "views.open" or "views.push" or "views.update" or "views.publish" => FakeSlackAnswer.Ok(new JsonObject { ["view"] = ViewAnswer(call) }),
            "conversations.open" => FakeSlackAnswer.Ok(new JsonObject { ["channel"] = new JsonObject { ["id"] = "D" + call.Field("users") } }),
            "users.lookupByEmail" => Users.Values.FirstOrDefault(u => string.Equals(u.Email, call.Field("email"), StringComparison.OrdinalIgnoreCase)) is { } found
                ? FakeSlackAnswer.Ok(new JsonObject { ["user"] = found.ToJson(TeamId) })
                : FakeSlackAnswer.Error("users_not_found"),
            "users.info" => Users.TryGetValue(call.Field("user") ?? string.Empty, out var user)
                ? FakeSlackAnswer.Ok(new JsonObject { ["user"] = user.ToJson(TeamId) })
                : FakeSlackAnswer.Error("user_not_found"),
            "conversations.info" when Channels.TryGetValue(call.Field("channel") ?? string.Empty, out var channel) => FakeSlackAnswer.Ok(new JsonObject { ["channel"] = channel.ToJson() }),
            "users.conversations" => FakeSlackAnswer.Ok(new JsonObject
            {
                // Slack lists a user's private channels only where the bot is a member too (here: always).
                ["channels"] = new JsonArray([.. Channels.Values
                    .Where(c => c.Members.Contains(call.Field("user") ?? string.Empty) && (call.Field("types") ?? "public_channel").Split(',').Contains(c.IsPrivate ? "private_channel" : "public_channel"))
                    .Select(c => (JsonNode)c.ToJson())]),
                ["response_metadata"] = new JsonObject { ["next_cursor"] = string.Empty },
            }),
            "response_url" => FakeSlackAnswer.Ok(new JsonObject()),
            _ => FakeSlackAnswer.Error("unknown_method"),
        };
    }

    private static JsonObject ViewAnswer(SlackCall call)
    {
        var view = call.Body["view"]?.DeepClone() as JsonObject ?? new JsonObject();
        view["id"] = call.Field("view_id") ?? "V0" + Math.Abs(call.Body.ToJsonString().GetHashCode(StringComparison.Ordinal));
        view["hash"] = "1700000000.abc";
        return view;
    }

    private static List<string> Validate(SlackCall call)
    {
        try
        {
            if (call.Body["view"] is JsonObject view)
            {
                var parsed = view.Deserialize<View>(SlackJson.Options)!;
                return BlockKitValidator.Validate(parsed).Select(v => v.ToString()).ToList();
            }

            if (call.Body["blocks"] is JsonArray blocks)
            {
                var message = new Message(call.Field("text") ?? string.Empty, blocks.Deserialize<List<Block>>(SlackJson.Options));
                return BlockKitValidator.Validate(message).Select(v => v.ToString()).ToList();
            }
        }
        catch (JsonException e)
        {
            return [$"unparseable Block Kit: {e.Message}"];
        }

        return [];
    }

    private string NextTs() => $"1700000000.{Interlocked.Increment(ref _ts):D6}";
}

/// <summary>One request the app made to the fake Slack: its method, token and body (JSON or form, as JSON).</summary>
public sealed record SlackCall(string Method, string? Token, JsonObject Body, Uri Uri)
{
    public string? Field(string name) => Body[name] is JsonValue value ? value.ToString() : null;

    public static async Task<SlackCall> ReadAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var uri = request.RequestUri!;
        var isApi = uri.AbsoluteUri.StartsWith(FakeSlack.ApiBaseUrl, StringComparison.Ordinal);
        var method = isApi ? uri.AbsolutePath[(uri.AbsolutePath.LastIndexOf('/') + 1)..] : "response_url";
        var token = request.Headers.Authorization?.Parameter;
        var text = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(ct);
        JsonObject body;
        if (request.Content?.Headers.ContentType?.MediaType == "application/json")
        {
            body = JsonNode.Parse(text) as JsonObject ?? new JsonObject();
        }
        else
        {
            body = new JsonObject();
            foreach (var pair in text.Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var parts = pair.Split('=', 2);
                body[WebUtility.UrlDecode(parts[0])] = parts.Length > 1 ? WebUtility.UrlDecode(parts[1]) : string.Empty;
            }

            if (body["token"] is JsonValue formToken && token is null)
            {
                token = formToken.ToString();
            }
        }

        return new SlackCall(method, token, body, uri);
    }
}

/// <summary>What the fake Slack answers: Slack's JSON envelope, an HTTP status and maybe Retry-After.</summary>
public sealed record FakeSlackAnswer(HttpStatusCode Status, JsonObject Body, int? RetryAfterSeconds = null)
{
    public static FakeSlackAnswer Ok(JsonObject fields)
    {
        fields["ok"] = true;
        return new(HttpStatusCode.OK, fields);
    }

    public static FakeSlackAnswer Error(string code) => new(HttpStatusCode.OK, new JsonObject { ["ok"] = false, ["error"] = code });

    public static FakeSlackAnswer RateLimited(int retryAfterSeconds) =>
        new(HttpStatusCode.TooManyRequests, new JsonObject { ["ok"] = false, ["error"] = "ratelimited" }, retryAfterSeconds);

    public static FakeSlackAnswer ServerError() => new(HttpStatusCode.InternalServerError, new JsonObject { ["ok"] = false, ["error"] = "internal_error" });
}

/// <summary>A channel of the fake workspace and its members.</summary>
public sealed record FakeChannel(string Id, bool IsPrivate, IReadOnlyList<string> Members)
{
    public JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["name"] = Id.ToLowerInvariant(),
        ["is_channel"] = !IsPrivate,
        ["is_group"] = IsPrivate,
        ["is_private"] = IsPrivate,
        ["is_member"] = true,
    };
}

/// <summary>A member of the fake workspace.</summary>
public sealed record FakeUser(string Id, string Email, bool IsAdmin, string Name)
{
    /// <summary>The IANA zone <c>users.info</c> reports; Slack leaves it out for some accounts.</summary>
    public string? Tz { get; init; }

    public JsonObject ToJson(string teamId) => new()
    {
        ["tz"] = Tz,
        ["id"] = Id,
        ["team_id"] = teamId,
        ["name"] = Name,
        ["real_name"] = Name,
        ["is_admin"] = IsAdmin,
        ["is_owner"] = false,
        ["is_bot"] = false,
        ["deleted"] = false,
        ["profile"] = new JsonObject { ["email"] = Email, ["real_name"] = Name, ["display_name"] = Name },
    };
}
