using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using SlackApp.Slack.Blocks;
using SlackApp.Slack.Json;
using SlackApp.Slack.Payloads;
using SlackApp.Slack.Tests.WebApi;
using SlackApp.Slack.WebApi;

namespace SlackApp.Slack.Tests.Conformance;

/// <summary>
/// Slack's own Web API responses (OpenAPI examples and SDK test fixtures) driven through the real client: each success
/// parses into the method's typed result with the values Slack sent, each <c>ok:false</c> into its error code.
/// </summary>
public sealed class WebApiConformanceTests
{
    private const string Absent = "(fixtures absent)";

    private static readonly ModalView AnyView = new(new PlainText("x")) { Blocks = [] };

    /// <summary>Per method: how to call it through the client, and what its typed result must say compared to the JSON.</summary>
    private static readonly Dictionary<string, (Func<SlackTestHost, CancellationToken, Task<object>> Call, Type ResultType, Action<object, JsonNode> Check)> Methods = new()
    {
        ["auth.test"] = (async (h, ct) => await h.Client.AuthTestAsync(ct), typeof(AuthTestResult), (r, j) => CheckAuthTest((AuthTestResult)r, j)),
        ["chat.postMessage"] = (async (h, ct) => await h.Client.ChatPostMessageAsync("C1", new Message("x"), cancellationToken: ct), typeof(ChatPostMessageResult), (r, j) => CheckPostMessage((ChatPostMessageResult)r, j)),
        ["chat.update"] = (async (h, ct) => await h.Client.ChatUpdateAsync("C1", "1.2", new Message("x"), ct), typeof(ChatUpdateResult), (r, j) => CheckUpdate((ChatUpdateResult)r, j)),
        ["chat.postEphemeral"] = (async (h, ct) => await h.Client.ChatPostEphemeralAsync("C1", "U1", new Message("x"), ct), typeof(ChatPostEphemeralResult), (r, j) => Assert.Equal(Str(j, "message_ts"), ((ChatPostEphemeralResult)r).MessageTs)),
        ["conversations.list"] = (async (h, ct) => await h.Client.ConversationsListAsync(new ConversationsListQuery(), null, ct), typeof(ConversationsListResult), (r, j) => CheckConversations((ConversationsListResult)r, j)),
        ["oauth.v2.access"] = (async (h, ct) => await h.Get<ISlackOAuthClient>().ExchangeCodeAsync("code", null, ct), typeof(OAuthV2AccessResult), (r, j) => CheckOAuth((OAuthV2AccessResult)r, j)),
        ["users.info"] = (async (h, ct) => await h.Client.UsersInfoAsync("W1", ct), typeof(UserResult), (r, j) => CheckUser(((UserResult)r).User, j["user"]!)),
        ["users.lookupByEmail"] = (async (h, ct) => await h.Client.UsersLookupByEmailAsync("a@b.example", ct), typeof(UserResult), (r, j) => CheckUser(((UserResult)r).User, j["user"]!)),
        ["views.open"] = (async (h, ct) => await h.Client.ViewsOpenAsync("trigger", AnyView, ct), typeof(ViewResult), (r, j) => CheckView(((ViewResult)r).View, j["view"]!)),
        ["views.push"] = (async (h, ct) => await h.Client.ViewsPushAsync("trigger", AnyView, ct), typeof(ViewResult), (r, j) => CheckView(((ViewResult)r).View, j["view"]!)),
        ["views.update"] = (async (h, ct) => await h.Client.ViewsUpdateAsync("V1", AnyView, null, ct), typeof(ViewResult), (r, j) => CheckView(((ViewResult)r).View, j["view"]!)),
        ["views.publish"] = (async (h, ct) => await h.Client.ViewsPublishAsync("U1", AnyView, null, ct), typeof(ViewResult), (r, j) => CheckView(((ViewResult)r).View, j["view"]!)),
    };

    public static TheoryData<string> MethodResponses() => FixtureFiles("web-api", f => !IsCommon(f) && !IsErrorCodeList(f));

    public static TheoryData<string> ErrorCodeLists() => FixtureFiles("web-api", IsErrorCodeList);

    public static TheoryData<string> CommonErrors() => FixtureFiles("web-api/_common", f => f.EndsWith(".json", StringComparison.Ordinal));

    public static TheoryData<string> Shapes() => FixtureFiles("shapes/web-api", _ => true);

    [Theory]
    [MemberData(nameof(MethodResponses))]
    public async Task Each_captured_response_parses_into_the_typed_result_or_the_error_code(string relative)
    {
        SkipWhenAbsent(relative);
        var method = Path.GetFileName(Path.GetDirectoryName(relative))!;
        Assert.True(Methods.ContainsKey(method), $"No client call mapped for fixture method {method}.");
        var body = await File.ReadAllTextAsync(SlackFixtures.PathOf(relative), TestContext.Current.CancellationToken);
        var json = JsonNode.Parse(body)!;
        using var host = new SlackTestHost(maxRetryAttempts: 0);
        host.Slack.ThenJson(body);
        var (call, _, check) = Methods[method];

        if ((bool)json["ok"]!)
        {
            check(await call(host, TestContext.Current.CancellationToken), json);
            return;
        }

        var ex = await Assert.ThrowsAnyAsync<SlackApiException>(() => call(host, TestContext.Current.CancellationToken));
        Assert.Equal(method, ex.Method);
        Assert.Equal(Str(json, "error"), ex.Error);
        Assert.Equal(json["response_metadata"]?["messages"]?.AsArray().Select(m => (string)m!) ?? [], ex.Messages);
    }

    [Theory]
    [MemberData(nameof(ErrorCodeLists))]
    public async Task Every_documented_error_code_surfaces_as_itself_and_only_server_side_ones_are_transient(string relative)
    {
        SkipWhenAbsent(relative);
        var list = JsonNode.Parse(await File.ReadAllTextAsync(SlackFixtures.PathOf(relative), TestContext.Current.CancellationToken))!;
        var method = Str(list, "method")!;
        string[] serverSide = ["fatal_error", "internal_error", "request_timeout", "service_unavailable", "ratelimited", "rate_limited"];

        foreach (var code in list["error_codes"]!.AsArray().Select(c => (string)c!))
        {
            using var host = new SlackTestHost(maxRetryAttempts: 0);
            host.Slack.ThenJson($$"""{"ok":false,"error":"{{code}}"}""");

            var ex = await Assert.ThrowsAnyAsync<SlackApiException>(() => Methods[method].Call(host, TestContext.Current.CancellationToken));

            Assert.Equal(code, ex.Error);
            Assert.Equal(serverSide.Contains(code), ex.IsTransient);
        }
    }

    [Theory]
    [MemberData(nameof(CommonErrors))]
    public async Task Common_error_bodies_surface_with_their_code(string relative)
    {
        SkipWhenAbsent(relative);
        var body = await File.ReadAllTextAsync(SlackFixtures.PathOf(relative), TestContext.Current.CancellationToken);
        var code = Str(JsonNode.Parse(body)!, "error");
        using var host = new SlackTestHost(maxRetryAttempts: 0);
        host.Slack.ThenJson(body);

        var ex = await Assert.ThrowsAnyAsync<SlackApiException>(() => host.Client.UsersInfoAsync("W1", TestContext.Current.CancellationToken));

        Assert.Equal(code, ex.Error);
        Assert.Equal(code == "ratelimited", ex is SlackRateLimitedException);
    }

    [Fact]
    public async Task A_captured_429_carries_its_retry_after()
    {
        var raw = await File.ReadAllTextAsync(SlackFixtures.PathOf("web-api/_common/error-ratelimited.http.txt"), TestContext.Current.CancellationToken);
        using var host = new SlackTestHost(maxRetryAttempts: 0);
        host.Slack.Then(_ => ParseHttpResponse(raw));

        var ex = await Assert.ThrowsAsync<SlackRateLimitedException>(() => host.Client.ChatPostMessageAsync("C1", new Message("x"), cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.TooManyRequests, ex.HttpStatus);
        Assert.Equal("ratelimited", ex.Error);
        Assert.Equal(TimeSpan.FromSeconds(1), ex.RetryAfter);
    }

    [Fact]
    public void Every_fixture_method_has_a_client_call()
    {
        var folders = Directory.EnumerateDirectories(SlackFixtures.PathOf("web-api")).Select(Path.GetFileName).Where(n => n != "_common");

        Assert.All(folders, folder => Assert.Contains(folder!, Methods.Keys));
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Every_field_slack_has_been_seen_sending_deserialises_into_the_typed_result(string relative)
    {
        SkipWhenAbsent(relative);
        var method = Path.GetFileNameWithoutExtension(relative);
        var body = File.ReadAllBytes(SlackFixtures.PathOf(relative));
        var json = JsonNode.Parse(body)!;
        var (_, resultType, check) = Methods[method];

        var result = JsonSerializer.Deserialize(body, resultType, SlackJson.Options)!;
        var envelope = JsonSerializer.Deserialize<SlackApiEnvelope>(body, SlackJson.Options)!;

        check(result, json);
        Assert.Equal(Str(json, "error"), envelope.Error);
        Assert.Equal(Str(json, "warning"), envelope.Warning);
        Assert.Equal((json["response_metadata"]?["messages"]?.AsArray() ?? []).Count + (json["errors"]?.AsArray() ?? []).Count, envelope.Details.Count);
    }

    private static void CheckAuthTest(AuthTestResult result, JsonNode json)
    {
        Assert.Equal(Str(json, "url"), result.Url);
        Assert.Equal(Str(json, "team"), result.Team);
        Assert.Equal(Str(json, "user"), result.User);
        Assert.Equal(Str(json, "team_id"), result.TeamId);
        Assert.Equal(Str(json, "user_id"), result.UserId);
        Assert.Equal(Str(json, "bot_id"), result.BotId);
        Assert.Equal(Str(json, "enterprise_id"), result.EnterpriseId);
        Assert.Equal(Bool(json, "is_enterprise_install"), result.IsEnterpriseInstall);
    }

    private static void CheckPostMessage(ChatPostMessageResult result, JsonNode json)
    {
        Assert.Equal(Str(json, "channel"), result.Channel);
        Assert.Equal(Str(json, "ts"), result.Ts);
        CheckMessage(result.Message, json["message"]);
    }

    private static void CheckUpdate(ChatUpdateResult result, JsonNode json)
    {
        Assert.Equal(Str(json, "channel"), result.Channel);
        Assert.Equal(Str(json, "ts"), result.Ts);
        Assert.Equal(Str(json, "text"), result.Text);
        CheckMessage(result.Message, json["message"]);
    }

    private static void CheckMessage(MessageInfo? message, JsonNode? json)
    {
        Assert.Equal(json is null, message is null);
        if (json is null)
        {
            return;
        }

        Assert.Equal(Str(json, "ts"), message!.Ts);
        Assert.Equal(Str(json, "text"), message.Text);
        Assert.Equal(Str(json, "user"), message.User);
        Assert.Equal(Str(json, "bot_id"), message.BotId);
        Assert.Equal(Str(json, "subtype"), message.Subtype);
        Assert.Equal(Str(json, "thread_ts"), message.ThreadTs);
    }

    private static void CheckConversations(ConversationsListResult result, JsonNode json)
    {
        var channels = json["channels"]!.AsArray();
        Assert.Equal(channels.Count, result.Channels.Count);
        foreach (var (typed, raw) in result.Channels.Zip(channels))
        {
            Assert.Equal(Str(raw!, "id"), typed.Id);
            Assert.Equal(Str(raw!, "name"), typed.Name);
            Assert.Equal(Bool(raw!, "is_private"), typed.IsPrivate);
            Assert.Equal(Bool(raw!, "is_archived"), typed.IsArchived);
            Assert.Equal(Bool(raw!, "is_member"), typed.IsMember);
            Assert.Equal(Bool(raw!, "is_im"), typed.IsIm);
            Assert.Equal(Str(raw!, "user"), typed.User);
        }

        var cursor = Str(json["response_metadata"], "next_cursor");
        Assert.Equal(string.IsNullOrEmpty(cursor) ? null : cursor, result.NextCursor);
    }

    private static void CheckOAuth(OAuthV2AccessResult result, JsonNode json)
    {
        Assert.Equal(Str(json, "access_token"), result.AccessToken);
        Assert.Equal(Str(json, "token_type"), result.TokenType);
        Assert.Equal(Str(json, "scope"), result.Scope);
        Assert.Equal(Str(json, "bot_user_id"), result.BotUserId);
        Assert.Equal(Str(json, "app_id"), result.AppId);
        Assert.Equal(Str(json, "refresh_token"), result.RefreshToken);
        Assert.Equal(json["expires_in"]?.GetValue<int>(), result.ExpiresIn);
        Assert.Equal(Str(json["team"], "id"), result.Team?.Id);
        Assert.Equal(Str(json["team"], "name"), result.Team?.Name);
        Assert.Equal(Str(json["enterprise"], "id"), result.Enterprise?.Id);
        Assert.Equal(Str(json["enterprise"], "name"), result.Enterprise?.Name);
        Assert.Equal(Bool(json, "is_enterprise_install"), result.IsEnterpriseInstall);
        Assert.Equal(Str(json["authed_user"], "id"), result.AuthedUser?.Id);
        Assert.Equal(Str(json["authed_user"], "access_token"), result.AuthedUser?.AccessToken);
    }

    private static void CheckUser(User user, JsonNode json)
    {
        Assert.Equal(Str(json, "id"), user.Id);
        Assert.Equal(Str(json, "team_id"), user.TeamId);
        Assert.Equal(Str(json, "name"), user.Name);
        Assert.Equal(Str(json, "real_name"), user.RealName);
        Assert.Equal(Str(json, "tz"), user.Tz);
        Assert.Equal(Bool(json, "deleted"), user.Deleted);
        Assert.Equal(Bool(json, "is_admin"), user.IsAdmin);
        Assert.Equal(Bool(json, "is_owner"), user.IsOwner);
        Assert.Equal(Bool(json, "is_primary_owner"), user.IsPrimaryOwner);
        Assert.Equal(Bool(json, "is_bot"), user.IsBot);
        Assert.Equal(Str(json["profile"], "email"), user.Profile?.Email);
        Assert.Equal(Str(json["profile"], "display_name"), user.Profile?.DisplayName);
        Assert.Equal(Str(json["profile"], "real_name"), user.Profile?.RealName);
    }

    private static void CheckView(PayloadView view, JsonNode json)
    {
        Assert.Equal(Str(json, "id"), view.Id);
        Assert.Equal(Str(json, "hash"), view.Hash);
        Assert.Equal(Str(json, "type"), view.Type);
        Assert.Equal(Str(json, "callback_id"), view.CallbackId);
        Assert.Equal(Str(json, "external_id"), view.ExternalId);
        Assert.Equal(Str(json, "private_metadata"), view.PrivateMetadata);
        Assert.Equal(Str(json, "root_view_id"), view.RootViewId);
        Assert.Equal(Str(json, "previous_view_id"), view.PreviousViewId);
        Assert.Equal(Str(json, "team_id"), view.TeamId);
        Assert.Equal(Str(json, "app_id"), view.AppId);
        Assert.Equal(Str(json, "bot_id"), view.BotId);
    }

    private static string? Str(JsonNode? json, string name) => json?[name]?.GetValue<string>();

    private static bool Bool(JsonNode json, string name) => json[name]?.GetValue<bool>() ?? false;

    private static bool IsCommon(string relative) => relative.Contains("/_common/", StringComparison.Ordinal);

    private static bool IsErrorCodeList(string relative) => relative.EndsWith("/openapi-error-codes.json", StringComparison.Ordinal);

    private static TheoryData<string> FixtureFiles(string folder, Func<string, bool> include)
    {
        var data = new TheoryData<string>();
        var root = SlackFixtures.Root;
        var full = root is null ? null : Path.Combine(root, folder);
        if (full is null || !Directory.Exists(full))
        {
            data.Add(Absent);
            return data;
        }

        foreach (var file in Directory.EnumerateFiles(full, "*.*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(root!, file).Replace('\\', '/');
            if (include(relative))
            {
                data.Add(relative);
            }
        }

        return data;
    }

    private static void SkipWhenAbsent(string relative)
    {
        SlackFixtures.RequireRoot();
        Assert.SkipWhen(relative == Absent, "The fixture folder is not present on this machine.");
    }

    // The capture is a raw HTTP/1.1 response: status line, headers, blank line, body.
    private static HttpResponseMessage ParseHttpResponse(string raw)
    {
        var parts = raw.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", 2);
        var lines = parts[0].Split('\n');
        var status = (HttpStatusCode)int.Parse(lines[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        var response = new HttpResponseMessage(status) { Content = new StringContent(parts.Length > 1 ? parts[1].Trim() : "") };
        response.Content.Headers.Remove("Content-Type");
        foreach (var line in lines.Skip(1))
        {
            var (name, value) = (line[..line.IndexOf(':', StringComparison.Ordinal)].Trim(), line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim());
            if (!response.Headers.TryAddWithoutValidation(name, value))
            {
                response.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return response;
    }
}
