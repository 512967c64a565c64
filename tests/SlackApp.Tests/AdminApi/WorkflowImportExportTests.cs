using System.Net;
using System.Text.Json.Nodes;
using SlackApp.Installations;
using SlackApp.Workflows;

namespace SlackApp.Tests.AdminApi;

public sealed class WorkflowImportExportTests : IDisposable
{
    private readonly AdminApiApp _app = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private async Task SeedVariedAsync()
    {
        await _app.SeedAsync("Execs at Closed Lost");
        await _app.Workflows.CreateAsync(AdminApiApp.Acme, AdminApiApp.Draft("Champions") with
        {
            Enabled = false,
            SignalTypes = [SignalType.JobChange, SignalType.Promotion],
            Filters = new WorkflowFilters { Departments = ["Sales"], TitleKeywords = ["revenue"], Relationships = [PersonRelationship.Champion] },
            Recipients = new WorkflowRecipients { UserIds = ["U0BOB"], Roles = [AccountRole.Owner] },
            FallbackChannelId = "C0DEALS",
            Delivery = new WorkflowDelivery { Mode = DeliveryMode.DailyDigest, DailyAt = new TimeOnly(8, 30), DuplicateWindow = null, DailyCap = 20, EscalateAfterHours = 4, EscalateToUserId = "U0ADMIN" },
        }, "U0ADMIN", _ct);
    }

    private async Task<string> ExportAsync(Workspace workspace, string key)
    {
        var response = await _app.SendAsync(HttpMethod.Get, AdminApiApp.Url(workspace, "/workflows:export"), key);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(_ct);
    }

    private Task<HttpResponseMessage> ImportAsync(Workspace workspace, string key, string document, string query = "") =>
        _app.SendAsync(HttpMethod.Put, AdminApiApp.Url(workspace, "/workflows:import" + query), key, document);

    [Fact]
    public async Task An_export_imported_into_an_empty_workspace_exports_the_same_again()
    {
        await SeedVariedAsync();
        var exported = await ExportAsync(AdminApiApp.Acme, _app.AcmeKey.Plaintext);

        var import = await ImportAsync(AdminApiApp.Globex, _app.GlobexKey.Plaintext, exported);
        var again = await ExportAsync(AdminApiApp.Globex, _app.GlobexKey.Plaintext);

        Assert.Equal(HttpStatusCode.OK, import.StatusCode);
        Assert.Equal(2, (int)(await _app.JsonAsync(import))["created"]!);
        Assert.Equal(exported, again);
        Assert.Equal(2, JsonNode.Parse(exported)!["workflows"]!.AsArray().Count);
    }

    [Fact]
    public async Task An_export_imported_back_with_a_dry_run_changes_nothing()
    {
        await SeedVariedAsync();
        var exported = await ExportAsync(AdminApiApp.Acme, _app.AcmeKey.Plaintext);

        var plan = await _app.JsonAsync(await ImportAsync(AdminApiApp.Acme, _app.AcmeKey.Plaintext, exported, "?dryRun=true"));

        Assert.Equal(["unchanged", "unchanged"], plan["steps"]!.AsArray().Select(s => (string)s!["action"]!));
        Assert.Equal(2, (int)plan["unchanged"]!);
    }

    [Fact]
    public async Task A_dry_run_says_what_would_change_and_writes_nothing()
    {
        await SeedVariedAsync();
        var before = await ExportAsync(AdminApiApp.Acme, _app.AcmeKey.Plaintext);
        var document = """
            {"workflows":[
              {"name":"execs at closed lost","signalTypes":["new_hire"],"filters":{"minimumSeniority":"vp","accountStatuses":["closed_lost"]},"recipients":{"channels":["C0DEALS"],"roles":["owner"]},"delivery":{"dailyCap":5}},
              {"name":"New one","signalTypes":["promotion"],"recipients":{"roles":["owner"]}}
            ]}
            """;

        var response = await ImportAsync(AdminApiApp.Acme, _app.AcmeKey.Plaintext, document, "?dryRun=true&deleteMissing=true");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var plan = await _app.JsonAsync(response);
        Assert.True((bool)plan["dryRun"]!);
        Assert.False((bool)plan["applied"]!);
        var steps = plan["steps"]!.AsArray().Select(s => ((string)s!["name"]!, (string)s["action"]!, string.Join(",", s["fields"]!.AsArray().Select(f => (string)f!)))).ToList();
        Assert.Equal([("execs at closed lost", "update", "name,delivery"), ("New one", "create", ""), ("Champions", "delete", "")], steps);
        Assert.Equal(before, await ExportAsync(AdminApiApp.Acme, _app.AcmeKey.Plaintext));
    }

    [Fact]
    public async Task An_import_creates_updates_and_with_delete_missing_deletes_what_it_does_not_name()
    {
        await SeedVariedAsync();
        var document = """
            {"workflows":[
              {"name":"Execs at Closed Lost","signalTypes":["new_hire","promotion"],"recipients":{"channels":["#c0deals"],"roles":["owner"]}},
              {"name":"New one","signalTypes":["promotion"],"recipients":{"users":["bob@acme.test"]}}
            ]}
            """;
        _app.Slack.On("conversations.list", _ => Fakes.FakeSlackAnswer.Ok(new JsonObject
        {
            ["channels"] = new JsonArray(new JsonObject { ["id"] = "C0DEALS", ["name"] = "c0deals" }),
            ["response_metadata"] = new JsonObject { ["next_cursor"] = "" },
        }));

        var response = await ImportAsync(AdminApiApp.Acme, _app.AcmeKey.Plaintext, document, "?deleteMissing=true");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var all = await _app.Workflows.ListAsync(AdminApiApp.Acme, _ct);
        Assert.Equal(["Execs at Closed Lost", "New one"], all.Select(w => w.Name));
        Assert.Equal([SignalType.NewHire, SignalType.Promotion], all[0].SignalTypes);
        Assert.Equal(2, all[0].Version);
        Assert.Equal(["U0BOB"], all[1].Recipients.UserIds);
        var audit = await _app.AuditAsync(AdminApiApp.Acme);
        Assert.Contains(audit, e => e.Action == SlackApp.Audit.AuditAction.WorkflowDeleted && e.SubjectName == "Champions" && e.ActorApiKey == "ci");
    }

    [Fact]
    public async Task Without_delete_missing_workflows_the_document_does_not_name_are_kept()
    {
        await SeedVariedAsync();

        var response = await ImportAsync(AdminApiApp.Acme, _app.AcmeKey.Plaintext, """{"workflows":[]}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, (await _app.Workflows.ListAsync(AdminApiApp.Acme, _ct)).Count);
    }

    [Fact]
    public async Task One_bad_workflow_refuses_the_whole_import_naming_it()
    {
        var document = """
            {"workflows":[
              {"name":"Fine","signalTypes":["new_hire"],"recipients":{"roles":["owner"]}},
              {"name":"Broken","signalTypes":["new_hire"],"recipients":{"channels":["#nowhere"]}},
              {"name":"fine","signalTypes":["new_hire"],"recipients":{"roles":["owner"]}}
            ]}
            """;
        _app.Slack.On("conversations.list", _ => Fakes.FakeSlackAnswer.Ok(new JsonObject { ["channels"] = new JsonArray(), ["response_metadata"] = new JsonObject { ["next_cursor"] = "" } }));

        var response = await ImportAsync(AdminApiApp.Acme, _app.AcmeKey.Plaintext, document);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await _app.JsonAsync(response))["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal);
        Assert.Equal(["workflows[1].recipients.channels[0]", "workflows[2].name"], errors);
        Assert.Empty(await _app.Workflows.ListAsync(AdminApiApp.Acme, _ct));
    }

    [Fact]
    public async Task A_batch_whose_last_write_is_refused_rolls_back_the_writes_before_it()
    {
        var existing = await _app.SeedAsync("Execs");
        var stale = existing with { Version = 9, SignalTypes = [SignalType.Promotion] };

        var result = await _app.Workflows.ApplyAsync(AdminApiApp.Acme, [
            new WorkflowWrite.Create(AdminApiApp.Draft("Created first")),
            new WorkflowWrite.Update(stale),
        ], new SlackApp.Audit.AuditActor("U0ADMIN", "ci"), _ct);

        Assert.False(result.Applied);
        Assert.Equal(1, result.FailedIndex);
        Assert.Equal(["Execs"], (await _app.Workflows.ListAsync(AdminApiApp.Acme, _ct)).Select(w => w.Name));
        Assert.DoesNotContain(await _app.AuditAsync(AdminApiApp.Acme), e => e.SubjectName == "Created first");
    }

    [Fact]
    public async Task An_import_over_1_MB_is_refused_413()
    {
        var padding = new string('x', 1024 * 1024);

        var response = await ImportAsync(AdminApiApp.Acme, _app.AcmeKey.Plaintext, $$"""{"workflows":[{"name":"{{padding}}"}]}""");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    public void Dispose() => _app.Dispose();
}
