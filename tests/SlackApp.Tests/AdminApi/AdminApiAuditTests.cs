using System.Net;
using SlackApp.Audit;

namespace SlackApp.Tests.AdminApi;

public sealed class AdminApiAuditTests : IDisposable
{
    private readonly AdminApiApp _app = new();

    [Fact]
    public async Task Changes_made_through_the_api_are_recorded_with_the_key_as_the_actor()
    {
        var created = await _app.AcmeAsync(HttpMethod.Post, "/workflows", """{"name":"Execs","signalTypes":["new_hire"],"recipients":{"roles":["owner"]}}""");
        var id = (long)(await _app.JsonAsync(created))["id"]!;
        var replaced = await _app.AcmeAsync(HttpMethod.Put, $"/workflows/{id}", """{"name":"Execs","signalTypes":["promotion"],"recipients":{"roles":["owner"]}}""", "\"1\"");
        var deleted = await _app.AcmeAsync(HttpMethod.Delete, $"/workflows/{id}", ifMatch: "\"2\"");

        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        var entries = (await _app.AuditAsync(AdminApiApp.Acme)).Where(e => e.SubjectKind == AuditSubject.Workflow).ToList();
        Assert.Equal([AuditAction.WorkflowDeleted, AuditAction.WorkflowEdited, AuditAction.WorkflowCreated], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal(("U0ADMIN", "ci"), (e.ActorUserId, e.ActorApiKey)));
        Assert.Contains(entries[1].Changes, c => c.Field == "Signals");
        Assert.Contains("API key \"ci\" (created by <@U0ADMIN>) edited the workflow", AuditComposer.Full(entries[1]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Creating_and_revoking_a_key_are_recorded_without_the_key_itself()
    {
        var key = await _app.Keys.CreateAsync(AdminApiApp.Acme, "deploy bot", "U0BOB", TestContext.Current.CancellationToken);
        await _app.Keys.RevokeAsync(AdminApiApp.Acme, key.Key.Id, "U0ADMIN", TestContext.Current.CancellationToken);

        var entries = (await _app.AuditAsync(AdminApiApp.Acme)).Where(e => e.SubjectName == "deploy bot").ToList();

        Assert.Equal([(AuditAction.ApiKeyRevoked, "U0ADMIN"), (AuditAction.ApiKeyCreated, "U0BOB")], entries.Select(e => (e.Action, e.ActorUserId!)));
        Assert.All(entries, e => Assert.DoesNotContain(e.Changes, c => (c.After ?? string.Empty).Contains(key.Plaintext, StringComparison.Ordinal)));
        Assert.Contains(entries[1].Changes, c => c.Field == "Prefix" && c.After == key.Key.Prefix);
    }

    public void Dispose() => _app.Dispose();
}
