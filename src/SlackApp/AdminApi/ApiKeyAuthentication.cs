using SlackApp.ApiKeys;
using SlackApp.Installations;

namespace SlackApp.AdminApi;

/// <summary>
/// Guards every admin API route: <c>Authorization: Bearer &lt;key&gt;</c> must be a key that is not revoked (else 401
/// with <c>WWW-Authenticate: Bearer</c>), and the route's workspace must be the key's and have the app installed (else
/// 404, so a key never learns what another workspace has). Notes the key's use.
/// </summary>
internal sealed class ApiKeyAuthentication(ApiKeyRepository keys, InstallationStore installations, ILogger<ApiKeyAuthentication> logger) : IEndpointFilter
{
    public const string TeamIdRouteValue = "teamId";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var cancellationToken = http.RequestAborted;
        var token = BearerToken(http.Request);
        var key = token is null ? null : await keys.FindAsync(token, cancellationToken);
        if (key is null || key.IsRevoked)
        {
            logger.LogInformation("Refused an admin API request: {Reason}", token is null ? "no bearer key" : key is null ? "unknown key" : $"revoked key {key.Id}");
            http.Response.Headers.WWWAuthenticate = token is null ? "Bearer" : "Bearer error=\"invalid_token\"";
            return ApiProblems.Problem(
                StatusCodes.Status401Unauthorized,
                "Unauthorized",
                token is null ? "Send an admin API key as Authorization: Bearer <key>; admins make keys in the app's Home tab (API keys)." : "This API key is unknown or revoked.");
        }

        var teamId = http.Request.RouteValues[TeamIdRouteValue] as string;
        var workspace = new Workspace(teamId ?? string.Empty);
        if (!string.Equals(key.TeamId, teamId, StringComparison.Ordinal) || !await installations.IsInstalledAsync(workspace, cancellationToken))
        {
            return ApiProblems.NotFound("workspace");
        }

        await keys.TouchAsync(key, cancellationToken);
        http.Items[typeof(ApiCaller)] = new ApiCaller(key, workspace);
        return await next(context);
    }

    private static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization;
        if (header.Count != 1 || header[0] is not { } value || !value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return value["Bearer ".Length..].Trim() is { Length: > 0 } token ? token : null;
    }
}
