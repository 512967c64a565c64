using System.Text.Json.Nodes;

namespace SlackApp.Sandbox.WebApi;

/// <summary>Slack's JSON envelope for one Web API answer.</summary>
internal static class SandboxApiAnswer
{
    public static JsonObject Ok(JsonObject fields)
    {
        var answer = new JsonObject { ["ok"] = true };
        foreach (var (key, value) in fields)
        {
            answer[key] = value?.DeepClone();
        }

        return answer;
    }

    public static JsonObject Error(string code, IReadOnlyList<string>? messages = null)
    {
        var answer = new JsonObject { ["ok"] = false, ["error"] = code };
        if (messages is { Count: > 0 })
        {
            answer["response_metadata"] = new JsonObject { ["messages"] = new JsonArray([.. messages.Select(m => JsonValue.Create(m))]) };
        }

        return answer;
    }

    public static bool IsOk(JsonObject answer) => answer["ok"]?.GetValue<bool>() == true;
}
