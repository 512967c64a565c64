using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace SlackApp.Operations;

/// <summary>In front of <c>/metrics</c>: lets through only a request carrying the configured bearer token (compared in constant time).</summary>
internal static class MetricsTokenGate
{
    private const string Scheme = "Bearer ";

    public static async Task InvokeAsync(HttpContext http, RequestDelegate next)
    {
        var expected = http.RequestServices.GetRequiredService<IOptions<TelemetryOptions>>().Value.Prometheus.Token ?? string.Empty;
        var header = http.Request.Headers.Authorization.ToString();
        var given = header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) ? header[Scheme.Length..].Trim() : string.Empty;
        if (expected.Length == 0 || !Matches(given, expected.Trim()))
        {
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return;
        }

        await next(http);
    }

    // Hashed first so the comparison takes the same time whatever the lengths.
    private static bool Matches(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
