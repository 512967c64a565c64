using System.Net;

namespace SlackApp.Tests.AdminApi;

public sealed class OpenApiDocumentTests : IDisposable
{
    private readonly AdminApiApp _app = new();

    [Fact]
    public async Task The_document_describes_every_route_its_shapes_and_the_bearer_key()
    {
        var response = await _app.Http.GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await _app.JsonAsync(response);
        var paths = document["paths"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal);
        Assert.Equal(
        [
            "/api/v1/workspaces/{teamId}/deliveries",
            "/api/v1/workspaces/{teamId}/workflows",
            "/api/v1/workspaces/{teamId}/workflows/{id}",
            "/api/v1/workspaces/{teamId}/workflows/{id}:pause",
            "/api/v1/workspaces/{teamId}/workflows/{id}:resume",
            "/api/v1/workspaces/{teamId}/workflows:export",
            "/api/v1/workspaces/{teamId}/workflows:import",
        ], paths);
        var schemas = document["components"]!["schemas"]!.AsObject().Select(s => s.Key).ToList();
        Assert.Contains("WorkflowInput", schemas);
        Assert.Contains("WorkflowResource", schemas);
        Assert.Contains("WorkflowsDocument", schemas);
        Assert.Contains("WorkflowImportResult", schemas);
        Assert.Contains("DeliveryPage", schemas);
        Assert.Equal("bearer", (string)document["components"]!["securitySchemes"]!["apiKey"]!["scheme"]!);
        Assert.NotNull(document["paths"]!["/api/v1/workspaces/{teamId}/workflows:import"]!["put"]!["requestBody"]);
    }

    public void Dispose() => _app.Dispose();
}
