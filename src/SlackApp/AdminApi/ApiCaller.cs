using SlackApp.ApiKeys;
using SlackApp.Audit;
using SlackApp.Installations;

namespace SlackApp.AdminApi;

/// <summary>Who is calling the admin API: a valid key, and the installed workspace it is for (the only one it reaches).</summary>
internal sealed record ApiCaller(ApiKey Key, Workspace Workspace)
{
    /// <summary>How the audit log records its changes: by the key, for the person who created it.</summary>
    public AuditActor Actor => new(Key.CreatedBy, Key.Name);

    public static ApiCaller Of(HttpContext http) =>
        http.Items[typeof(ApiCaller)] as ApiCaller ?? throw new InvalidOperationException("The admin API's endpoints run behind ApiKeyAuthentication.");
}
