using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace SlackApp.AdminApi;

/// <summary>
/// Paces each caller of the admin API with a token bucket — per key, or per address for requests without one — so one
/// runaway script cannot crowd out Slack's requests and the workers on the same database. Past it: 429 with
/// Retry-After, as problem+json.
/// </summary>
internal static class AdminApiRateLimit
{
    public const string PolicyName = "admin-api";

    public static void Configure(RateLimiterOptions limiter, AdminApiOptions options)
    {
        limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        limiter.AddPolicy(PolicyName, http => RateLimitPartition.GetTokenBucketLimiter(Caller(http), _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.Burst,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = options.Refill,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
        limiter.OnRejected = async (context, cancellationToken) =>
        {
            var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 1;
            context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            await ApiProblems.Problem(
                StatusCodes.Status429TooManyRequests,
                "Too many requests",
                $"This key sent more requests than the admin API takes at once; send again after {seconds.ToString(CultureInfo.InvariantCulture)} s (Retry-After).")
                .ExecuteAsync(context.HttpContext);
        };
    }

    // The key's hash, not the key: partitions live in memory for a while.
    private static string Caller(HttpContext http) =>
        http.Request.Headers.Authorization.ToString() is { Length: > 0 } authorization
            ? "key:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(authorization)))
            : "address:" + http.Connection.RemoteIpAddress;
}
