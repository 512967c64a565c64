using Microsoft.AspNetCore.Mvc;

namespace SlackApp.AdminApi;

public static class AdminApiEndpoints
{
    public const string Prefix = "/api/v1/workspaces/{teamId}";

    /// <summary>The API's base path for one workspace (<see cref="Prefix"/> filled in).</summary>
    public static string PathOf(string teamId) => Prefix.Replace("{teamId}", Uri.EscapeDataString(teamId), StringComparison.Ordinal);

    /// <summary>
    /// Maps the admin API under <c>/api/v1/workspaces/{teamId}</c> (every route behind an API key of that workspace) and
    /// its OpenAPI document at <c>/openapi/v1.json</c>. Custom methods on the collection or a workflow follow the
    /// <c>resource:verb</c> form (<c>workflows:export</c>, <c>workflows/12:pause</c>).
    /// </summary>
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi();
        var api = endpoints.MapGroup(Prefix)
            .RequireRateLimiting(AdminApiRateLimit.PolicyName)
            .AddEndpointFilter<ApiKeyAuthentication>()
            .WithTags("Workflows")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        api.MapGet("/workflows", (HttpContext http, string teamId, WorkflowApi workflows, CancellationToken ct) =>
                workflows.ListAsync(ApiCaller.Of(http), ct))
            .WithName("ListWorkflows").WithSummary("The workspace's workflows, in name order.")
            .Produces<WorkflowList>();

        api.MapPost("/workflows", (HttpContext http, string teamId, WorkflowApi workflows, CancellationToken ct) =>
                workflows.CreateAsync(ApiCaller.Of(http), http.Request, ct))
            .WithName("CreateWorkflow").WithSummary("Creates a workflow, validated as the modal validates it. ETag: its version.")
            .Accepts<WorkflowInput>("application/json")
            .Produces<WorkflowResource>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        api.MapGet("/workflows/{id:long}", (HttpContext http, string teamId, long id, WorkflowApi workflows, CancellationToken ct) =>
                workflows.GetAsync(ApiCaller.Of(http), id, http.Response, ct))
            .WithName("GetWorkflow").WithSummary("One workflow. ETag: its version, for If-Match.")
            .Produces<WorkflowResource>();

        api.MapPut("/workflows/{id:long}", (HttpContext http, string teamId, long id, WorkflowApi workflows, CancellationToken ct) =>
                workflows.ReplaceAsync(ApiCaller.Of(http), id, http.Request, ct))
            .WithName("ReplaceWorkflow").WithSummary("Replaces a workflow. Requires If-Match (428 without it, 412 when stale).")
            .Accepts<WorkflowInput>("application/json")
            .Produces<WorkflowResource>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

        api.MapDelete("/workflows/{id:long}", (HttpContext http, string teamId, long id, WorkflowApi workflows, CancellationToken ct) =>
                workflows.DeleteAsync(ApiCaller.Of(http), id, http.Request, ct))
            .WithName("DeleteWorkflow").WithSummary("Deletes a workflow. Requires If-Match (428 without it, 412 when stale).")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

        api.MapPost("/workflows/{id:long}:pause", (HttpContext http, string teamId, long id, WorkflowApi workflows, CancellationToken ct) =>
                workflows.SetEnabledAsync(ApiCaller.Of(http), id, enabled: false, http.Request, ct))
            .WithName("PauseWorkflow").WithSummary("Pauses a workflow. If-Match is honoured when sent.")
            .Produces<WorkflowResource>()
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);

        api.MapPost("/workflows/{id:long}:resume", (HttpContext http, string teamId, long id, WorkflowApi workflows, CancellationToken ct) =>
                workflows.SetEnabledAsync(ApiCaller.Of(http), id, enabled: true, http.Request, ct))
            .WithName("ResumeWorkflow").WithSummary("Resumes a workflow. If-Match is honoured when sent.")
            .Produces<WorkflowResource>()
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);

        api.MapGet("/workflows:export", (HttpContext http, string teamId, WorkflowImport import, CancellationToken ct) =>
                import.ExportAsync(ApiCaller.Of(http), ct))
            .WithName("ExportWorkflows").WithSummary("Every workflow as one document, which workflows:import takes back.")
            .Produces<WorkflowsDocument>();

        api.MapPut("/workflows:import", (HttpContext http, string teamId, WorkflowImport import, CancellationToken ct, [FromQuery] string? dryRun, [FromQuery] string? deleteMissing) =>
                ImportAsync(http, import, dryRun, deleteMissing, ct))
            .WithName("ImportWorkflows")
            .WithSummary("Applies a document of workflows (matched by name) in one transaction; dryRun answers the plan and writes nothing; deleteMissing deletes workflows the document does not name.")
            .Accepts<WorkflowsDocument>("application/json")
            .Produces<WorkflowImportResult>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        api.MapGet("/deliveries", (HttpContext http, string teamId, DeliveryHistory deliveries, CancellationToken ct, [FromQuery] string? limit, [FromQuery] string? before, [FromQuery] string? workflowId) =>
                DeliveriesAsync(http, deliveries, limit, before, workflowId, ct))
            .WithName("ListDeliveries").WithTags("Deliveries")
            .WithSummary("Recent notification items and their states, newest first; page with before (the previous page's nextBefore).")
            .Produces<DeliveryPage>()
            .ProducesValidationProblem();

        return endpoints;
    }

    private static async Task<IResult> ImportAsync(HttpContext http, WorkflowImport import, string? dryRun, string? deleteMissing, CancellationToken ct)
    {
        var query = new QueryValues();
        var isDryRun = query.Flag("dryRun", dryRun);
        var deletesMissing = query.Flag("deleteMissing", deleteMissing);
        if (query.Errors.Count > 0)
        {
            return ApiProblems.Invalid(query.Errors, "Invalid query");
        }

        return await import.ImportAsync(ApiCaller.Of(http), http.Request, isDryRun, deletesMissing, ct);
    }

    private static async Task<IResult> DeliveriesAsync(HttpContext http, DeliveryHistory deliveries, string? limit, string? before, string? workflowId, CancellationToken ct)
    {
        var query = new QueryValues();
        var pageSize = query.Number("limit", limit, 1, DeliveryHistory.MaxLimit);
        var beforeId = query.Number("before", before);
        var workflow = query.Number("workflowId", workflowId);
        if (query.Errors.Count > 0)
        {
            return ApiProblems.Invalid(query.Errors, "Invalid query");
        }

        var page = await deliveries.PageAsync(ApiCaller.Of(http).Workspace, beforeId, workflow, (int)(pageSize ?? DeliveryHistory.DefaultLimit), ct);
        return Results.Json(page, AdminApiJson.Write);
    }
}
