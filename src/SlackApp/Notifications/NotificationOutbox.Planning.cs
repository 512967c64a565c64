using System.Data.Common;
using Dapper;
using SlackApp.Data;
using SlackApp.Installations;
using SlackApp.OwnerMappings;
using SlackApp.SlackUx;
using SlackApp.Workflows;

namespace SlackApp.Notifications;

/// <summary>The outbox's rows as the planner writes them: one per recipient of a signal, and Send test's.</summary>
public sealed partial class NotificationOutbox
{
    // One item per signal and recipient: every insert of the outbox (plans, copies, escalation notices, reminders) keys on it.
    private static readonly string[] Key = ["team_id", "signal_row_id", "recipient_kind", "recipient_id"];

    private static readonly string[] Other =
    [
        "is_test", "matches_json", "note", "people_json", "status", "attempts", "next_attempt_at", "error_detail", "created_at", "updated_at",
        "workflow_id", "held_reason", "suppressed_reason", "subject_key", "fact_key", "time_zone", "unmatched_roles",
    ];

    private static readonly string[] TestColumns =
    [
        "team_id", "is_test", "recipient_kind", "recipient_id", "matches_json", "sample_json", "people_json", "status", "attempts",
        "next_attempt_at", "created_at", "updated_at",
    ];

    /// <summary>Of <paramref name="signalRowIds"/>, the signals the planner already wrote deliveries for.</summary>
    public async Task<IReadOnlySet<long>> PlannedSignalsAsync(Workspace workspace, IReadOnlyCollection<long> signalRowIds, CancellationToken cancellationToken)
    {
        // Chunked: SQL Server takes at most 2,100 parameters in a statement.
        const int MaxIdsPerStatement = 500;
        var planned = new HashSet<long>();
        await using var connection = await connections.OpenAsync(cancellationToken);
        foreach (var ids in signalRowIds.Chunk(MaxIdsPerStatement))
        {
            planned.UnionWith(await connection.QueryAsync<long>(new CommandDefinition(
                "SELECT DISTINCT signal_row_id FROM notification_deliveries WHERE team_id = @TeamId AND signal_row_id IN @Ids",
                new { workspace.TeamId, Ids = ids },
                cancellationToken: cancellationToken)));
        }

        return planned;
    }

    /// <summary>Writes the deliveries of several signals in one transaction, as <see cref="AddAsync(DbTransaction, IReadOnlyList{PlannedSignal}, CancellationToken)"/>.</summary>
    public async Task<int> AddAsync(IReadOnlyList<PlannedSignal> signals, CancellationToken cancellationToken)
    {
        if (signals.All(s => s.Plan.Deliveries.Count == 0))
        {
            return 0;
        }

        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var inserted = await AddAsync(transaction, signals, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return inserted;
    }

    /// <summary>
    /// Writes the deliveries of <paramref name="signals"/> inside <paramref name="transaction"/> (e.g. the one that
    /// marks the signals matched), each once: a recipient a signal already has is left as it is. Undeliverable ones
    /// are stored finished, with their reason. Each row keeps its signal's row id and the account's people found in
    /// Slack, for its message. Each is decided by <see cref="NoiseControl"/>: sent now, held, or suppressed. Returns
    /// how many rows were new.
    /// </summary>
    public Task<int> AddAsync(DbTransaction transaction, IReadOnlyList<PlannedSignal> signals, CancellationToken cancellationToken) =>
        AddAsync(transaction, signals, null, cancellationToken);

    /// <summary>As <see cref="AddAsync(DbTransaction, IReadOnlyList{PlannedSignal}, CancellationToken)"/>, telling <paramref name="decided"/> how each new item was decided.</summary>
    internal async Task<int> AddAsync(DbTransaction transaction, IReadOnlyList<PlannedSignal> signals, Action<ItemDecision>? decided, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var insert = connections.Dialect.InsertIfAbsent("notification_deliveries", Key, Other);
        var inserted = 0;
        foreach (var signal in signals)
        {
            foreach (var delivery in signal.Plan.Deliveries)
            {
                // One at a time: the duplicate window and the daily cap of each item count the items written before it.
                var decision = delivery.UndeliverableReason is null
                    ? await NoiseControl.DecideAsync(transaction, signal, delivery, now, cancellationToken)
                    : new ItemDecision(DeliveryStatus.Undeliverable, now, null, null, NoiseControl.Governing(delivery.Matches)?.Id, null, null, null);
                var added = await transaction.Connection!.ExecuteAsync(new CommandDefinition(insert, Row(signal, delivery, decision, now), transaction, cancellationToken: cancellationToken));
                inserted += added;
                if (added > 0)
                {
                    decided?.Invoke(decision);
                }
            }

            // Counted in this transaction: a signal planned again after a crash is not counted twice.
            await OwnerMappingRepository.RecordUnmatchedAsync(transaction, connections.Dialect, signal.Workspace.TeamId, signal.Plan.Unmatched, now, cancellationToken);
        }

        return inserted;
    }

    private static object Row(PlannedSignal signal, PlannedDelivery delivery, ItemDecision decision, DateTimeOffset now) => new
    {
        team_id = signal.Workspace.TeamId,
        signal_row_id = signal.SignalRowId,
        recipient_kind = StoredMatches.KindName(delivery.Kind),
        recipient_id = delivery.RecipientId,
        is_test = false,
        matches_json = StoredMatches.Write(delivery.Matches),
        note = delivery.Note is { } note ? UntrustedText.Truncate(note, 2000) : null,
        people_json = signal.Plan.People.ToJson(),
        status = decision.Status,
        attempts = 0,
        next_attempt_at = decision.At,
        error_detail = delivery.UndeliverableReason is { } reason ? Detail(reason) : null,
        created_at = now,
        updated_at = now,
        workflow_id = decision.WorkflowId,
        held_reason = decision.HeldReason,
        suppressed_reason = decision.SuppressedReason,
        subject_key = decision.SubjectKey,
        fact_key = decision.FactKey,
        time_zone = decision.TimeZone,
        unmatched_roles = delivery.UnmatchedRoles.Count == 0 ? null : string.Join(",", delivery.UnmatchedRoles.Select(SignalNames.Wire)),
    };

    /// <summary>Stores a test notification about to be sent to <paramref name="userId"/>; returns its id (the Acknowledge button's value).</summary>
    public async Task<long> AddTestAsync(Workspace workspace, string userId, string matchesJson, string sampleJson, AccountPeople people, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            connections.Dialect.InsertReturningId("notification_deliveries", TestColumns, "id"),
            new
            {
                team_id = workspace.TeamId,
                is_test = true,
                recipient_kind = StoredMatches.KindName(RecipientKind.User),
                recipient_id = userId,
                matches_json = matchesJson,
                sample_json = sampleJson,
                people_json = people.ToJson(),
                status = DeliveryStatus.Sending,
                attempts = 1,
                next_attempt_at = now,
                created_at = now,
                updated_at = now,
            },
            cancellationToken: cancellationToken));
    }
}
