using SlackApp.Installations;
using SlackApp.Notifications;
using SlackApp.Signals;
using SlackApp.Workflows;

namespace SlackApp.Explanations;

/// <summary>Gathers a <see cref="SignalExplanation"/>: the stored signal, the workspace's workflows judged against it, its items.</summary>
public sealed class SignalExplanations(SignalExplanationRepository repository, WorkflowRepository workflows)
{
    public async Task<SignalExplanation> ExplainAsync(Workspace workspace, string signalId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        if (await repository.FindSignalAsync(workspace, signalId, cancellationToken) is not { } row)
        {
            return new SignalExplanation { SignalId = signalId };
        }

        var signal = Read(row.RawJson);
        var all = await workflows.ListAsync(workspace, cancellationToken);
        var names = all.ToDictionary(w => w.Id, w => w.Name);
        var items = await repository.ListItemsAsync(workspace, row.RowId, cancellationToken);
        return new SignalExplanation
        {
            SignalId = signalId,
            Found = new ExplainedSignal
            {
                Signal = signal,
                TypeName = row.Type,
                ReceivedAt = row.ReceivedAt,
                Matched = row.Status == SignalRepository.Matched,
                MatchedAt = row.MatchedAt,
                MatchCount = (int?)row.MatchCount,
                Attempts = (int)row.Attempts,
                LastError = row.LastError,
            },
            Workflows = signal is null ? [] : [.. all.Select(w => Verdict(signal, w))],
            Items = [.. items.Select(i => Item(i, names))],
        };
    }

    public static WorkflowVerdict Verdict(Signal signal, Workflow workflow)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        var miss = WorkflowMatcher.ExplainMiss(signal, workflow);
        return new WorkflowVerdict(workflow.Id, workflow.Name, miss is null ? WorkflowMatcher.Explain(signal, workflow) ?? [] : [], miss);
    }

    private static ExplainedItem Item(ItemRow row, Dictionary<long, string> names) => new()
    {
        RecipientKind = StoredMatches.ParseKind(row.RecipientKind),
        RecipientId = row.RecipientId,
        Status = row.Status,
        HeldReason = row.HeldReason,
        SuppressedReason = row.SuppressedReason,
        NextAttemptAt = row.NextAttemptAt,
        SentAt = row.SentAt,
        MessageKind = row.MessageKind,
        LastError = row.LastError,
        ErrorDetail = row.ErrorDetail,
        Attempts = (int)row.Attempts,
        WorkflowName = row.WorkflowId is { } id ? names.GetValueOrDefault(id, $"deleted workflow #{id}") : null,
        AcknowledgedBy = row.AcknowledgedBy,
    };

    // A signal stored by an older contract may no longer read; it is still shown, only not judged.
    private static Signal? Read(string rawJson)
    {
        try
        {
            return SignalReader.ReadStored(rawJson);
        }
        catch (Exception e) when (e is InvalidDataException or System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
