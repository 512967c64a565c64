using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace SlackApp.Sandbox.WebApi;

/// <summary>One Web API call to the sandbox: the method, the token, and its arguments from a JSON body, a form or the query.</summary>
internal sealed record SandboxApiCall(string Method, string? Token, JsonObject Arguments)
{
    public static async Task<SandboxApiCall> ReadAsync(string method, HttpRequest request, CancellationToken cancellationToken)
    {
        var arguments = new JsonObject();
        foreach (var (key, value) in request.Query)
        {
            arguments[key] = value.ToString();
        }

        if (request.HasJsonContentType())
        {
            try
            {
                if (await JsonNode.ParseAsync(request.Body, cancellationToken: cancellationToken) is JsonObject body)
                {
                    foreach (var (key, value) in body)
                    {
                        arguments[key] = value?.DeepClone();
                    }
                }
            }
            catch (JsonException)
            {
                // Slack answers a body it cannot read with invalid_json; the caller sees no arguments at all.
                arguments["__invalid_json"] = true;
            }
        }
        else if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            foreach (var (key, value) in form)
            {
                arguments[key] = value.ToString();
            }
        }

        var header = request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
        token ??= arguments["token"] is JsonValue formToken ? formToken.ToString() : null;
        return new SandboxApiCall(method, string.IsNullOrEmpty(token) ? null : token, arguments);
    }

    public bool IsInvalidJson => Arguments.ContainsKey("__invalid_json");

    /// <summary>A string argument (numbers and booleans as their text); null when absent or empty.</summary>
    public string? Text(string name) => Arguments[name] switch
    {
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>() is { Length: > 0 } s ? s : null,
        JsonValue value => value.ToJsonString(),
        _ => null,
    };

    public bool Flag(string name, bool fallback) => Text(name) switch
    {
        "true" or "1" => true,
        "false" or "0" => false,
        _ => fallback,
    };

    /// <summary>A JSON argument, whether sent as JSON or, in a form, as a JSON-encoded string.</summary>
    public JsonNode? Json(string name)
    {
        var node = Arguments[name];
        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            try
            {
                return JsonNode.Parse(value.GetValue<string>());
            }
            catch (JsonException)
            {
                return value.DeepClone();
            }
        }

        return node?.DeepClone();
    }
}
