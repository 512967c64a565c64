using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SlackApp.Operations;

/// <summary><c>/readyz</c>'s body: the overall status and each check's, with its own short description, never an exception's text.</summary>
internal static class ReadinessResponse
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Task WriteAsync(HttpContext http, HealthReport report)
    {
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.Select(e => new
            {
                name = e.Key,
                status = e.Value.Status.ToString(),
                description = e.Value.Description,
                details = e.Value.Data.Count == 0 ? null : e.Value.Data,
            }),
        };
        http.Response.ContentType = "application/json; charset=utf-8";
        return http.Response.WriteAsync(JsonSerializer.Serialize(body, Json), http.RequestAborted);
    }
}
