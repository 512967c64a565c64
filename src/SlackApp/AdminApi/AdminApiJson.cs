using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Microsoft.Net.Http.Headers;
using SlackApp.Slack.Http;

namespace SlackApp.AdminApi;

/// <summary>
/// Reads a write's JSON body: JSON only (415), within a size cap (413), every field known (an unknown one is refused by
/// name, so a typo never silently does nothing), and malformed JSON answered 400 naming where it broke, never a 500.
/// </summary>
internal static partial class AdminApiJson
{
    /// <summary>A workflow's body (POST, PUT): far above any real one.</summary>
    public const int MaxWorkflowBytes = 64 * 1024;

    /// <summary>An import's body: every workflow of a workspace.</summary>
    public const int MaxImportBytes = 1024 * 1024;

    public static readonly JsonSerializerOptions Read = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        MaxDepth = 16,
    };

    public static readonly JsonSerializerOptions Write = new(JsonSerializerDefaults.Web);

    /// <summary>The body as <typeparamref name="T"/>, or the problem to answer instead.</summary>
    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
        where T : class
    {
        if (!IsJson(request.ContentType))
        {
            return (null, ApiProblems.Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "Send JSON, with Content-Type: application/json."));
        }

        var body = await CappedRequestBody.ReadAsync(request, maxBytes, cancellationToken);
        if (body is null)
        {
            return (null, ApiProblems.Problem(StatusCodes.Status413PayloadTooLarge, "Body too large", $"The body is over {maxBytes} bytes."));
        }

        try
        {
            return JsonSerializer.Deserialize<T>(body, Read) is { } value
                ? (value, null)
                : (null, ApiProblems.Problem(StatusCodes.Status400BadRequest, "Invalid body", "The body must be a JSON object."));
        }
        catch (JsonException e)
        {
            var errors = new FieldErrors();
            var path = Field(e.Path);
            if (UnknownMember().Match(e.Message) is { Success: true } unknown)
            {
                var name = unknown.Groups[1].Value;
                errors.Add(path.EndsWith(name, StringComparison.Ordinal) ? path : Join(path, name), $"Unknown field \"{name}\".");
            }
            else
            {
                errors.Add(path, e.Message.Split(" Path:", 2)[0]);
            }

            return (null, Results.ValidationProblem(errors.ToDictionary(), detail: "The body could not be read as the request's JSON shape; nothing was changed.", title: "Invalid body"));
        }
    }

    // "$.delivery.dailyCap" as the field "delivery.dailyCap"; the root as "body".
    private static string Field(string? path) => path is null or "$" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    private static string Join(string path, string name) => path == "body" ? name : $"{path}.{name}";

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media)
        && (media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || media.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase))
        && (!media.Charset.HasValue || media.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));

    [GeneratedRegex("The JSON property '([^']*)' could not be mapped", RegexOptions.CultureInvariant)]
    private static partial Regex UnknownMember();
}
