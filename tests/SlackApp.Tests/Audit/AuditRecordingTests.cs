using Dapper;
using SlackApp.Audit;
using SlackApp.Installations;
using SlackApp.Tests.Data;
using SlackApp.Workflows;
using WorkflowRepositoryTests = SlackApp.Tests.Workflows.WorkflowRepositoryTests;

namespace SlackApp.Tests.Audit;

/// <summary>Each change of configuration is recorded by the repository that makes it: who, when, and before/after.</summary>
public sealed class AuditRecordingTests : IDisposable
{
    private static readonly Workspace Acme = new("T0ACME");
    private static readonly Workspace Globex = new("T0GLOBEX");
    private readonly TestDatabase _db = new();
    private readonly WorkflowRepository _workflows;
    private readonly WorkspaceSettingsRepository _settings;
    private readonly AuditLog _log;
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public AuditRecordingTests()
    {
        _workflows = new WorkflowRepository(_db.Connections, _db.Clock);
        _settings = new WorkspaceSettingsRepository(_db.Connections, _db.Secrets, _db.Clock);
        _log = new AuditLog(_db.Connections);
    }

    [Fact]
    public async Task Creating_a_workflow_records_who_when_and_every_field_it_was_given()
    {
        var created = (await _workflows.CreateAsync(Acme, WorkflowRepositoryTests.Draft(), "U0ADMIN", _ct)).Workflow!;

        var entry = Assert.Single(await EntriesAsync(Acme));
        Assert.Equal(AuditAction.WorkflowCreated, entry.Action);
        Assert.Equal("U0ADMIN", entry.ActorUserId);
        Assert.Equal(_db.Clock.GetUtcNow(), entry.At);
        Assert.Equal(AuditSubject.Workflow, entry.SubjectKind);
        Assert.Equal(created.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), entry.SubjectId);
        Assert.Equal("Execs at Closed Lost", entry.SubjectName);
        Assert.All(entry.Changes, c => Assert.Null(c.Before));
        var after = entry.Changes.ToDictionary(c => c.Field, c => c.After);
        Assert.Equal("Execs at Closed Lost", after[WorkflowAuditFields.Name]);
        Assert.Equal("New hire, Promotion", after[WorkflowAuditFields.Signals]);
        Assert.StartsWith("Director+ · Closed Lost, Customer", after[WorkflowAuditFields.Filters], StringComparison.Ordinal);
        Assert.Contains("in Sales", after[WorkflowAuditFields.Filters], StringComparison.Ordinal);
        Assert.Equal("DM account owner, CSM, <@U0BOSS>, <#C0ALERTS>", after[WorkflowAuditFields.Recipients]);
        Assert.Equal("<#C0FALLBACK>", after[WorkflowAuditFields.FallbackChannel]);
        Assert.Equal("active", after[WorkflowAuditFields.Status]);
        Assert.Equal("instant", after[WorkflowAuditFields.Delivery]);
    }

    [Fact]
    public async Task An_edit_records_exactly_the_fields_that_changed()
    {
        var created = (await _workflows.CreateAsync(Acme, WorkflowRepositoryTests.Draft(), "U0ADMIN", _ct)).Workflow!;
        _db.Clock.Advance(TimeSpan.FromMinutes(5));

        var edited = created with
        {
            Name = "Execs (all)",
            Filters = created.Filters with { MinimumSeniority = Seniority.Vp },
            Delivery = created.Delivery with { Mode = DeliveryMode.Digest, DigestEvery = TimeSpan.FromHours(2) },
        };
        Assert.True((await _workflows.UpdateAsync(Acme, edited, "U0MIA", _ct)).Outcome == WorkflowSaveOutcome.Saved);

        var entry = (await EntriesAsync(Acme))[0];
        Assert.Equal(AuditAction.WorkflowEdited, entry.Action);
        Assert.Equal("U0MIA", entry.ActorUserId);
        Assert.Equal("Execs (all)", entry.SubjectName);
        Assert.Equal([WorkflowAuditFields.Name, WorkflowAuditFields.Filters, WorkflowAuditFields.Delivery], entry.Changes.Select(c => c.Field));
        Assert.Equal(new AuditChange(WorkflowAuditFields.Name, "Execs at Closed Lost", "Execs (all)"), entry.Changes[0]);
        Assert.StartsWith("Director+", entry.Changes[1].Before, StringComparison.Ordinal);
        Assert.StartsWith("VP+", entry.Changes[1].After, StringComparison.Ordinal);
        Assert.Equal(new AuditChange(WorkflowAuditFields.Delivery, "instant", "digest every 2 h"), entry.Changes[2]);
    }

    [Fact]
    public async Task Saving_a_workflow_unchanged_or_from_a_stale_version_records_nothing()
    {
        var created = (await _workflows.CreateAsync(Acme, WorkflowRepositoryTests.Draft(), "U0ADMIN", _ct)).Workflow!;

        var unchanged = await _workflows.UpdateAsync(Acme, created, "U0ADMIN", _ct);
        var stale = await _workflows.UpdateAsync(Acme, created with { Name = "Stale" }, "U0MIA", _ct);

        Assert.Equal(WorkflowSaveOutcome.Saved, unchanged.Outcome);
        Assert.Equal(WorkflowSaveOutcome.VersionConflict, stale.Outcome);
        Assert.Equal([AuditAction.WorkflowCreated], (await EntriesAsync(Acme)).Select(e => e.Action));
    }

    [Fact]
    public async Task Pausing_and_resuming_are_recorded_once_each()
    {
        var created = (await _workflows.CreateAsync(Acme, WorkflowRepositoryTests.Draft(), "U0ADMIN", _ct)).Workflow!;

        await _workflows.SetEnabledAsync(Acme, created.Id, enabled: false, "U0MIA", _ct);
        await _workflows.SetEnabledAsync(Acme, created.Id, enabled: false, "U0MIA", _ct);
        await _workflows.SetEnabledAsync(Acme, created.Id, enabled: true, "U0CAROL", _ct);

        var entries = await EntriesAsync(Acme);
        Assert.Equal([AuditAction.WorkflowResumed, AuditAction.WorkflowPaused, AuditAction.WorkflowCreated], entries.Select(e => e.Action));
        Assert.Equal("U0CAROL", entries[0].ActorUserId);
        Assert.Equal(new AuditChange(WorkflowAuditFields.Status, "paused", "active"), Assert.Single(entries[0].Changes));
        Assert.Equal(new AuditChange(WorkflowAuditFields.Status, "active", "paused"), Assert.Single(entries[1].Changes));
    }

    [Fact]
    public async Task Deleting_records_what_the_workflow_was_and_a_second_delete_nothing()
    {
        var created = (await _workflows.CreateAsync(Acme, WorkflowRepositoryTests.Draft(), "U0ADMIN", _ct)).Workflow!;

        Assert.True(await _workflows.DeleteAsync(Acme, created.Id, "U0CAROL", _ct));
        Assert.False(await _workflows.DeleteAsync(Acme, created.Id, "U0CAROL", _ct));

        var entries = await EntriesAsync(Acme);
        Assert.Equal([AuditAction.WorkflowDeleted, AuditAction.WorkflowCreated], entries.Select(e => e.Action));
        Assert.Equal("U0CAROL", entries[0].ActorUserId);
        Assert.Equal("Execs at Closed Lost", entries[0].SubjectName);
        Assert.All(entries[0].Changes, c => Assert.Null(c.After));
        Assert.Contains(new AuditChange(WorkflowAuditFields.Name, "Execs at Closed Lost", null), entries[0].Changes);
    }

    [Fact]
    public async Task Saving_settings_records_the_settings_that_changed()
    {
        await _settings.SaveAsync(Acme, "https://acme.lightning.force.com", "C0FALLBACK", "U0ADMIN", _ct);
        await _settings.SaveAsync(
            Acme,
            new WorkspaceSettings
            {
                SalesforceBaseUrl = "https://acme.lightning.force.com",
                FallbackChannelId = "C0OTHER",
                TimeZone = "Europe/Berlin",
                QuietHours = new QuietHours(new TimeOnly(22, 0), new TimeOnly(7, 0)),
            },
            "U0CAROL",
            _ct);
        await _settings.SaveAsync(Acme, "https://acme.lightning.force.com", "C0OTHER", "U0CAROL", _ct);

        var entries = await EntriesAsync(Acme);
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Equal(AuditAction.SettingsSaved, e.Action));
        Assert.Equal(
            [
                new AuditChange(WorkspaceSettingsAuditFields.FallbackChannel, "<#C0FALLBACK>", "<#C0OTHER>"),
                new AuditChange(WorkspaceSettingsAuditFields.TimeZone, "UTC (not set)", "Europe/Berlin"),
                new AuditChange(WorkspaceSettingsAuditFields.QuietHours, "off", "22:00–07:00 (DMs)"),
            ],
            entries[0].Changes);
        Assert.Equal("U0CAROL", entries[0].ActorUserId);
        Assert.Equal(
            [
                new AuditChange(WorkspaceSettingsAuditFields.SalesforceBaseUrl, "not set", "https://acme.lightning.force.com"),
                new AuditChange(WorkspaceSettingsAuditFields.FallbackChannel, "not set", "<#C0FALLBACK>"),
            ],
            entries[1].Changes);
    }

    [Fact]
    public async Task Setting_the_managers_records_the_list_before_and_after()
    {
        await _settings.SetManagersAsync(Acme, ["U0MIA"], "U0ADMIN", _ct);
        await _settings.SetManagersAsync(Acme, ["U0ZED", "U0MIA", "U0ZED"], "U0CAROL", _ct);
        await _settings.SetManagersAsync(Acme, ["U0MIA", "U0ZED"], "U0CAROL", _ct);

        var entries = await EntriesAsync(Acme);
        Assert.Equal(2, entries.Count);
        Assert.Equal(AuditAction.ManagersSet, entries[0].Action);
        Assert.Equal("U0CAROL", entries[0].ActorUserId);
        Assert.Equal(new AuditChange(WorkspaceSettingsAuditFields.Managers, "<@U0MIA>", "<@U0MIA>, <@U0ZED>"), Assert.Single(entries[0].Changes));
        Assert.Equal(new AuditChange(WorkspaceSettingsAuditFields.Managers, "none", "<@U0MIA>"), Assert.Single(entries[1].Changes));
    }

    [Fact]
    public async Task Rotating_the_secret_records_the_rotation_and_never_the_secret()
    {
        var first = await _settings.EnsureSignalSecretAsync(Acme, _ct);
        var rotated = await _settings.SetSignalSecretAsync(Acme, null, "U0ADMIN", _ct);

        var entry = Assert.Single(await EntriesAsync(Acme));
        Assert.Equal(AuditAction.SignalSecretRotated, entry.Action);
        Assert.Equal(AuditSubject.SignalSecret, entry.SubjectKind);
        Assert.Equal("U0ADMIN", entry.ActorUserId);
        Assert.Empty(entry.Changes);
        await using var connection = await _db.Connections.OpenAsync(_ct);
        var stored = string.Join('\n', await connection.QueryAsync<string>("SELECT team_id || action || subject_kind || COALESCE(subject_name, '') || changes_json FROM audit_log"));
        Assert.DoesNotContain(first, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(rotated, stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_persons_own_quiet_hours_are_not_workspace_configuration()
    {
        await new PersonSettingsRepository(_db.Connections, _db.Clock).SetQuietHoursAsync(Acme, "U0BOB", new QuietHours(new TimeOnly(22, 0), new TimeOnly(7, 0)), _ct);

        Assert.Empty(await EntriesAsync(Acme));
    }

    [Fact]
    public async Task A_workspace_never_sees_another_workspaces_entries()
    {
        await _workflows.CreateAsync(Globex, WorkflowRepositoryTests.Draft("Globex secret plans"), "U0G", _ct);
        await _settings.SetManagersAsync(Globex, ["U0G2"], "U0G", _ct);
        await _settings.SetSignalSecretAsync(Globex, null, "U0G", _ct);
        await _workflows.CreateAsync(Acme, WorkflowRepositoryTests.Draft(), "U0ADMIN", _ct);

        var acme = await EntriesAsync(Acme);

        Assert.Equal("Execs at Closed Lost", Assert.Single(acme).SubjectName);
        Assert.Equal(3, (await EntriesAsync(Globex)).Count);
        Assert.All(await EntriesAsync(Globex), e => Assert.Equal("T0GLOBEX", e.TeamId));
    }

    [Fact]
    public async Task Pages_run_newest_first_and_say_whether_older_ones_follow()
    {
        for (var i = 0; i < 5; i++)
        {
            await _workflows.CreateAsync(Acme, WorkflowRepositoryTests.Draft($"W{i}"), "U0ADMIN", _ct);
            _db.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var first = await _log.ListPageAsync(Acme.TeamId, 0, 2, _ct);
        var last = await _log.ListPageAsync(Acme.TeamId, 4, 2, _ct);

        Assert.Equal(["W4", "W3"], first.Entries.Select(e => e.SubjectName));
        Assert.True(first.HasMore);
        Assert.Equal(["W0"], last.Entries.Select(e => e.SubjectName));
        Assert.False(last.HasMore);
    }

    [Fact]
    public void Long_values_are_capped()
    {
        var change = AuditChange.Of("Name", new string('a', 500), null);

        Assert.Equal(AuditChange.MaxValueLength, change.Before!.Length);
    }

    [Fact]
    public async Task Mapping_an_owner_email_records_the_person_before_and_after_and_removing_it_too()
    {
        var mappings = new SlackApp.OwnerMappings.OwnerMappingRepository(_db.Connections, _db.Clock);
        await mappings.SaveAsync(Acme, " Ann@Acme.example ", "U0ANN", "U0ADMIN", _ct);
        await mappings.SaveAsync(Acme, "ann@acme.example", "U0ANN", "U0ADMIN", _ct);
        await mappings.SaveAsync(Acme, "ann@acme.example", "U0BOB", "U0MIA", _ct);
        var id = (await mappings.FindAsync(Acme, "ann@acme.example", _ct))!.Id;
        await mappings.RemoveAsync(Acme, id, "U0ADMIN", _ct);

        var entries = (await EntriesAsync(Acme)).Reverse().ToList();
        Assert.Equal([AuditAction.OwnerMappingSet, AuditAction.OwnerMappingSet, AuditAction.OwnerMappingRemoved], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal("ann@acme.example", e.SubjectName));
        Assert.Equal([(null, "<@U0ANN>"), ("<@U0ANN>", "<@U0BOB>"), ("<@U0BOB>", null)], entries.Select(e => (Assert.Single(e.Changes).Before, e.Changes[0].After)));
        Assert.Equal(["U0ADMIN", "U0MIA", "U0ADMIN"], entries.Select(e => e.ActorUserId));
        Assert.Empty(await EntriesAsync(Globex));
    }

    private async Task<IReadOnlyList<AuditEntry>> EntriesAsync(Workspace workspace) =>
        (await _log.ListPageAsync(workspace.TeamId, 0, 100, _ct)).Entries;

    public void Dispose() => _db.Dispose();
}
