using System.Net;

namespace SlackApp.Tests.AdminApi;

/// <summary>Query values are read after the key check, and one that does not read is a problem naming it, not a bare 400.</summary>
public sealed class QueryValuesTests : IDisposable
{
    private readonly AdminApiApp _app = new();

    [Theory]
    [InlineData("/deliveries?limit=ten", "limit")]
    [InlineData("/deliveries?before=-1", "before")]
    [InlineData("/deliveries?workflowId=abc", "workflowId")]
    [InlineData("/workflows:import?dryRun=maybe", "dryRun")]
    [InlineData("/workflows:import?deleteMissing=yes", "deleteMissing")]
    public async Task A_query_value_that_does_not_read_is_a_named_field_error(string path, string field)
    {
        var method = path.StartsWith("/workflows:import", StringComparison.Ordinal) ? HttpMethod.Put : HttpMethod.Get;

        var response = await _app.AcmeAsync(method, path, method == HttpMethod.Put ? """{"workflows":[]}""" : null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal([field], (await _app.JsonAsync(response))["errors"]!.AsObject().Select(e => e.Key));
    }

    [Fact]
    public async Task A_bad_query_value_without_a_key_is_still_401()
    {
        var response = await _app.SendAsync(HttpMethod.Get, AdminApiApp.Url(AdminApiApp.Acme, "/deliveries?limit=ten"), key: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    public void Dispose() => _app.Dispose();
}
