using Dapper;
using SlackApp.Installations;
using SlackApp.Tests.Data;
using SlackApp.Workflows;

namespace SlackApp.Tests.Workflows;

/// <summary>A workflow's delivery settings in <c>workflows.delivery_json</c>: written on every save, read back whole.</summary>
public sealed class WorkflowDeliveryStorageTests : IDisposable
{
    private static readonly Workspace Acme = new("T0ACME");
    private readonly TestDatabase _db = new();
    private readonly WorkflowRepository _workflows;
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public WorkflowDeliveryStorageTests() => _workflows = new WorkflowRepository(_db.Connections, _db.Clock);

    public static TheoryData<string> Modes() => ["instant", "digest", "daily_digest"];

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task Delivery_settings_of_each_mode_read_back_as_saved(string mode)
    {
        Assert.True(DeliveryModeNames.TryParse(mode, out var parsed));
        var delivery = new WorkflowDelivery
        {
            Mode = parsed,
            DigestEvery = TimeSpan.FromMinutes(90),
            DailyAt = new TimeOnly(7, 30),
            DuplicateWindow = TimeSpan.FromDays(14),
            DailyCap = 20,
        };

        var created = (await _workflows.CreateAsync(Acme, WorkflowRepositoryTests.Draft() with { Delivery = delivery }, "U1", _ct)).Workflow!;

        Assert.Equal(delivery, (await _workflows.GetAsync(Acme, created.Id, _ct))!.Delivery);
        Assert.Equal(delivery, Assert.Single(await _workflows.ListAsync(Acme, _ct)).Delivery);
    }

    [Fact]
    public async Task An_edit_saves_new_delivery_settings_and_an_off_window_stays_off()
    {
        var created = (await _workflows.CreateAsync(Acme, WorkflowRepositoryTests.Draft(), "U1", _ct)).Workflow!;
        var digest = new WorkflowDelivery { Mode = DeliveryMode.Digest, DigestEvery = TimeSpan.FromHours(2), DuplicateWindow = null };

        var saved = await _workflows.UpdateAsync(Acme, created with { Delivery = digest }, "U2", _ct);

        Assert.Equal(WorkflowSaveOutcome.Saved, saved.Outcome);
        var read = (await _workflows.GetAsync(Acme, created.Id, _ct))!.Delivery;
        Assert.Equal(digest, read);
        Assert.Null(read.DuplicateWindow);
    }

    [Fact]
    public async Task Stored_json_has_the_documented_shape()
    {
        var delivery = new WorkflowDelivery { Mode = DeliveryMode.DailyDigest, DailyAt = new TimeOnly(8, 5), DuplicateWindow = null, DailyCap = 20 };
        var created = (await _workflows.CreateAsync(Acme, WorkflowRepositoryTests.Draft() with { Delivery = delivery }, "U1", _ct)).Workflow!;

        Assert.Equal(
            """{"mode":"daily_digest","digestEveryMinutes":60,"dailyAt":"08:05","duplicateWindowDays":null,"dailyCap":20,"escalateAfterHours":null,"escalateToUserId":null,"escalateToChannelId":null}""",
            await StoredJsonAsync(created.Id));
    }

    [Fact]
    public async Task A_workflow_saved_before_delivery_settings_existed_reads_the_default()
    {
        var created = (await _workflows.CreateAsync(Acme, WorkflowRepositoryTests.Draft(), "U1", _ct)).Workflow!;
        await SetStoredJsonAsync(created.Id, null);

        Assert.Same(WorkflowDelivery.Default, (await _workflows.GetAsync(Acme, created.Id, _ct))!.Delivery);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("""{"mode":"daily_digest","digestEveryMinutes":"often"}""")]
    public async Task Garbled_delivery_json_reads_the_default_instead_of_failing(string stored)
    {
        var created = (await _workflows.CreateAsync(Acme, WorkflowRepositoryTests.Draft(), "U1", _ct)).Workflow!;
        await SetStoredJsonAsync(created.Id, stored);

        Assert.Equal(WorkflowDelivery.Default, Assert.Single(await _workflows.ListAsync(Acme, _ct)).Delivery);
    }

    [Fact]
    public async Task A_value_it_cannot_use_takes_its_own_default_and_the_rest_is_kept()
    {
        var created = (await _workflows.CreateAsync(Acme, WorkflowRepositoryTests.Draft(), "U1", _ct)).Workflow!;
        await SetStoredJsonAsync(created.Id, """{"mode":"weekly","digestEveryMinutes":1,"dailyAt":"25:00","duplicateWindowDays":900,"dailyCap":20,"future":true}""");

        var read = (await _workflows.GetAsync(Acme, created.Id, _ct))!.Delivery;

        Assert.Equal(WorkflowDelivery.Default with { DailyCap = 20 }, read);
    }

    [Fact]
    public void Missing_keys_are_defaults_but_an_explicit_null_window_is_off()
    {
        Assert.Equal(WorkflowDelivery.Default, WorkflowColumns.Delivery("{}"));
        Assert.Null(WorkflowColumns.Delivery("""{"duplicateWindowDays":null}""").DuplicateWindow);
    }

    private async Task<string?> StoredJsonAsync(long id)
    {
        await using var connection = await _db.Connections.OpenAsync(_ct);
        return await connection.ExecuteScalarAsync<string?>("SELECT delivery_json FROM workflows WHERE id = @id", new { id });
    }

    private async Task SetStoredJsonAsync(long id, string? json)
    {
        await using var connection = await _db.Connections.OpenAsync(_ct);
        await connection.ExecuteAsync("UPDATE workflows SET delivery_json = @json WHERE id = @id", new { id, json });
    }

    public void Dispose() => _db.Dispose();
}
