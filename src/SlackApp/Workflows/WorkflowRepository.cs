using System.Data.Common;
using Dapper;
using SlackApp.Audit;
using SlackApp.Data;
using SlackApp.Installations;

namespace SlackApp.Workflows;

/// <summary>A workspace's workflows. Every method is scoped to the workspace it is given.</summary>
public sealed partial class WorkflowRepository(DbConnectionFactory connections, TimeProvider clock)
{
    private const string Select =
        "SELECT id AS Id, team_id AS TeamId, name AS Name, enabled AS Enabled, signal_types AS SignalTypes, " +
        "filters_json AS FiltersJson, recipients_json AS RecipientsJson, fallback_channel_id AS FallbackChannelId, " +
        "delivery_json AS DeliveryJson, created_by AS CreatedBy, created_at AS CreatedAt, updated_by AS UpdatedBy, updated_at AS UpdatedAt, version AS Version " +
        "FROM workflows";

    private static readonly string[] InsertColumns =
    [
        "team_id", "name", "name_key", "enabled", "signal_types", "filters_json", "recipients_json",
        "fallback_channel_id", "delivery_json", "created_by", "created_at", "updated_by", "updated_at", "version",
    ];

    public async Task<IReadOnlyList<Workflow>> ListAsync(Workspace workspace, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<WorkflowRow>(new CommandDefinition(
            $"{Select} WHERE team_id = @TeamId ORDER BY name_key, id", new { workspace.TeamId }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToWorkflow()).ToList();
    }

    /// <summary>One page of the workspace's workflows in name order, and whether more follow.</summary>
    public async Task<(IReadOnlyList<Workflow> Page, bool HasMore)> ListPageAsync(Workspace workspace, int offset, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = (await connection.QueryAsync<WorkflowRow>(new CommandDefinition(
            connections.Dialect.Page($"{Select} WHERE team_id = @TeamId ORDER BY name_key, id"),
            new { workspace.TeamId, Offset = offset, Limit = limit + 1 },
            cancellationToken: cancellationToken))).ToList();
        return (rows.Take(limit).Select(r => r.ToWorkflow()).ToList(), rows.Count > limit);
    }

    public async Task<Workflow?> GetAsync(Workspace workspace, long id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await GetAsync(connection, null, workspace, id, cancellationToken);
    }

    public async Task<Workflow?> FindByNameAsync(Workspace workspace, string name, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<WorkflowRow>(new CommandDefinition(
            $"{Select} WHERE team_id = @TeamId AND name_key = @NameKey",
            new { workspace.TeamId, NameKey = NameKey(name) },
            cancellationToken: cancellationToken));
        return row?.ToWorkflow();
    }

    /// <summary>Stores a new workflow for the workspace, created by <paramref name="actor"/>, and its audit entry.</summary>
    public async Task<WorkflowSaveResult> CreateAsync(Workspace workspace, Workflow draft, AuditActor actor, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            var result = await InsertAsync(connection, transaction, workspace, draft, actor, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        catch (DbException e) when (connections.Dialect.IsUniqueViolation(e))
        {
            return WorkflowSaveResult.NameTaken;
        }
    }

    /// <summary>
    /// Saves an edit made from version <c>edited.Version</c>, recording the fields that changed. Refused when someone
    /// saved since (the version moved on), when the name is taken, or when the workflow is not this workspace's.
    /// </summary>
    public async Task<WorkflowSaveResult> UpdateAsync(Workspace workspace, Workflow edited, AuditActor actor, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            try
            {
                if (await UpdateInAsync(connection, transaction, workspace, edited, actor, cancellationToken) is { } saved)
                {
                    await transaction.CommitAsync(cancellationToken);
                    return saved;
                }
            }
            catch (DbException e) when (connections.Dialect.IsUniqueViolation(e))
            {
                return WorkflowSaveResult.NameTaken;
            }
        }

        var current = await GetAsync(connection, null, workspace, edited.Id, cancellationToken);
        return current is null ? WorkflowSaveResult.NotFound : WorkflowSaveResult.Conflict(current);
    }

    /// <summary>
    /// Pauses or resumes a workflow, recording it when its state changed; returns it as saved, or null when the
    /// workspace has no such workflow.
    /// </summary>
    public async Task<Workflow?> SetEnabledAsync(Workspace workspace, long id, bool enabled, AuditActor actor, CancellationToken cancellationToken) =>
        (await SetEnabledAsync(workspace, id, enabled, actor, expectedVersion: null, cancellationToken)).Workflow;

    /// <summary>
    /// As above, changing it only while it is still at <paramref name="expectedVersion"/> (when given): a version
    /// conflict, with the workflow as it is now, when someone saved it since.
    /// </summary>
    public async Task<WorkflowSaveResult> SetEnabledAsync(Workspace workspace, long id, bool enabled, AuditActor actor, int? expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE workflows SET enabled = @Enabled, updated_by = @UserId, updated_at = @Now, version = version + 1
            WHERE id = @Id AND team_id = @TeamId AND enabled <> @Enabled AND (@ExpectedVersion IS NULL OR version = @ExpectedVersion)
            """,
            new { Id = id, workspace.TeamId, Enabled = enabled, actor.UserId, Now = now, ExpectedVersion = expectedVersion },
            transaction,
            cancellationToken: cancellationToken));
        var saved = await GetAsync(connection, transaction, workspace, id, cancellationToken);
        if (saved is null)
        {
            return WorkflowSaveResult.NotFound;
        }

        if (changed == 0 && expectedVersion is { } expected && saved.Version != expected)
        {
            return WorkflowSaveResult.Conflict(saved);
        }

        // A second click on Pause changes nothing, so it records nothing.
        if (changed == 1)
        {
            var change = AuditChange.Of(WorkflowAuditFields.Status, WorkflowAuditFields.StatusWord(!enabled), WorkflowAuditFields.StatusWord(enabled));
            await RecordAsync(connection, transaction, enabled ? AuditAction.WorkflowResumed : AuditAction.WorkflowPaused, saved, actor, now, [change], cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return WorkflowSaveResult.Saved(saved);
    }

    /// <summary>Deletes a workflow of the workspace, recording what it was; false when there was none.</summary>
    public Task<bool> DeleteAsync(Workspace workspace, long id, AuditActor actor, CancellationToken cancellationToken) =>
        DeleteAsync(workspace, id, actor, expectedVersion: null, cancellationToken);

    /// <summary>As above, deleting it only while it is still at <paramref name="expectedVersion"/> (when given); false otherwise.</summary>
    public async Task<bool> DeleteAsync(Workspace workspace, long id, AuditActor actor, int? expectedVersion, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var deleted = await DeleteInAsync(connection, transaction, workspace, id, actor, expectedVersion, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return deleted;
    }

    public static string NameKey(string name) => name.Trim().ToLowerInvariant();

    private async Task<WorkflowSaveResult> InsertAsync(DbConnection connection, DbTransaction transaction, Workspace workspace, Workflow draft, AuditActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var now = clock.GetUtcNow();
        var workflow = draft with { TeamId = workspace.TeamId, Name = draft.Name.Trim(), CreatedBy = actor.UserId, CreatedAt = now, UpdatedBy = actor.UserId, UpdatedAt = now, Version = 1 };
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            connections.Dialect.InsertReturningId("workflows", InsertColumns, "id"),
            Parameters(workflow),
            transaction,
            cancellationToken: cancellationToken));
        var saved = workflow with { Id = id };
        await RecordAsync(connection, transaction, AuditAction.WorkflowCreated, saved, actor, now, AuditChange.Created(WorkflowAuditFields.Of(saved)), cancellationToken);
        return WorkflowSaveResult.Saved(saved);
    }

    // The saved result, or null when the workflow is not there at edited.Version (gone, or someone saved since).
    private async Task<WorkflowSaveResult?> UpdateInAsync(DbConnection connection, DbTransaction transaction, Workspace workspace, Workflow edited, AuditActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var workflow = edited with { TeamId = workspace.TeamId, Name = edited.Name.Trim(), UpdatedBy = actor.UserId, UpdatedAt = clock.GetUtcNow() };

        // Read in the same transaction as the write, so the entry's "before" is what this edit replaced.
        var before = await GetAsync(connection, transaction, workspace, workflow.Id, cancellationToken);
        var changed = before is null || before.Version != workflow.Version ? 0 : await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE workflows
            SET name = @name, name_key = @name_key, enabled = @enabled, signal_types = @signal_types,
                filters_json = @filters_json, recipients_json = @recipients_json, fallback_channel_id = @fallback_channel_id,
                delivery_json = @delivery_json,
                updated_by = @updated_by, updated_at = @updated_at, version = version + 1
            WHERE id = @id AND team_id = @team_id AND version = @version
            """,
            Parameters(workflow),
            transaction,
            cancellationToken: cancellationToken));
        if (changed != 1)
        {
            return null;
        }

        var saved = workflow with { Version = workflow.Version + 1 };
        var changes = AuditChange.Between(WorkflowAuditFields.Of(before!), WorkflowAuditFields.Of(saved));
        // Saving the modal unchanged bumps the version but changes nothing worth an entry.
        if (changes.Count > 0)
        {
            await RecordAsync(connection, transaction, AuditAction.WorkflowEdited, saved, actor, workflow.UpdatedAt, changes, cancellationToken);
        }

        return WorkflowSaveResult.Saved(saved);
    }

    private async Task<bool> DeleteInAsync(DbConnection connection, DbTransaction transaction, Workspace workspace, long id, AuditActor actor, int? expectedVersion, CancellationToken cancellationToken)
    {
        var before = await GetAsync(connection, transaction, workspace, id, cancellationToken);
        var deleted = await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM workflows WHERE id = @Id AND team_id = @TeamId AND (@ExpectedVersion IS NULL OR version = @ExpectedVersion)",
            new { Id = id, workspace.TeamId, ExpectedVersion = expectedVersion },
            transaction,
            cancellationToken: cancellationToken));
        if (deleted == 1 && before is not null)
        {
            await RecordAsync(connection, transaction, AuditAction.WorkflowDeleted, before, actor, clock.GetUtcNow(), AuditChange.Deleted(WorkflowAuditFields.Of(before)), cancellationToken);
        }

        return deleted == 1;
    }

    private static async Task<Workflow?> GetAsync(DbConnection connection, DbTransaction? transaction, Workspace workspace, long id, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<WorkflowRow>(new CommandDefinition(
            $"{Select} WHERE id = @Id AND team_id = @TeamId", new { Id = id, workspace.TeamId }, transaction, cancellationToken: cancellationToken));
        return row?.ToWorkflow();
    }

    private static Task RecordAsync(
        DbConnection connection, DbTransaction transaction, string action, Workflow workflow, AuditActor actor, DateTimeOffset at, IReadOnlyList<AuditChange> changes, CancellationToken cancellationToken) =>
        AuditLog.RecordAsync(connection, transaction, new AuditEntry
        {
            TeamId = workflow.TeamId,
            At = at,
            ActorUserId = actor.UserId,
            ActorApiKey = actor.ApiKeyName,
            Action = action,
            SubjectKind = AuditSubject.Workflow,
            SubjectId = workflow.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            SubjectName = workflow.Name,
            Changes = changes,
        }, cancellationToken);

    private static object Parameters(Workflow workflow) => new
    {
        id = workflow.Id,
        team_id = workflow.TeamId,
        name = workflow.Name,
        name_key = NameKey(workflow.Name),
        enabled = workflow.Enabled,
        signal_types = WorkflowColumns.SignalTypes(workflow.SignalTypes),
        filters_json = WorkflowColumns.Filters(workflow.Filters),
        recipients_json = WorkflowColumns.Recipients(workflow.Recipients),
        fallback_channel_id = workflow.FallbackChannelId,
        delivery_json = WorkflowColumns.Delivery(workflow.Delivery),
        created_by = workflow.CreatedBy,
        created_at = workflow.CreatedAt,
        updated_by = workflow.UpdatedBy,
        updated_at = workflow.UpdatedAt,
        version = workflow.Version,
    };

    private sealed record WorkflowRow
    {
        public long Id { get; init; }
        public string TeamId { get; init; } = string.Empty;
        public string Name { get; init; } = string.Empty;
        public bool Enabled { get; init; }
        public string SignalTypes { get; init; } = string.Empty;
        public string FiltersJson { get; init; } = "{}";
        public string RecipientsJson { get; init; } = "{}";
        public string? FallbackChannelId { get; init; }

        /// <summary>NULL for workflows saved before delivery settings existed: they read as the default.</summary>
        public string? DeliveryJson { get; init; }

        public string? CreatedBy { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public string? UpdatedBy { get; init; }
        public DateTimeOffset UpdatedAt { get; init; }
        public int Version { get; init; }

        public Workflow ToWorkflow() => new()
        {
            Id = Id,
            TeamId = TeamId,
            Name = Name,
            Enabled = Enabled,
            SignalTypes = WorkflowColumns.SignalTypes(SignalTypes),
            Filters = WorkflowColumns.Filters(FiltersJson),
            Recipients = WorkflowColumns.Recipients(RecipientsJson),
            FallbackChannelId = FallbackChannelId,
            Delivery = WorkflowColumns.Delivery(DeliveryJson),
            CreatedBy = CreatedBy,
            CreatedAt = CreatedAt,
            UpdatedBy = UpdatedBy,
            UpdatedAt = UpdatedAt,
            Version = Version,
        };
    }
}
