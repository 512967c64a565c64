namespace SlackApp.AdminApi;

/// <summary>A stored workflow as the admin API returns it: its input shape (ids, never names) and what the app keeps about it.</summary>
public sealed record WorkflowResource
{
    public long Id { get; init; }

    public required string Name { get; init; }

    public bool Enabled { get; init; }

    public required IReadOnlyList<string> SignalTypes { get; init; }

    public required WorkflowFiltersInput Filters { get; init; }

    public required WorkflowRecipientsInput Recipients { get; init; }

    public string? FallbackChannel { get; init; }

    public required WorkflowDeliveryInput Delivery { get; init; }

    /// <summary>Bumped by every change; the <c>ETag</c> (<c>"3"</c>) to send back in <c>If-Match</c>.</summary>
    public int Version { get; init; }

    public string? CreatedBy { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public string? UpdatedBy { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>A workspace's workflows, in name order.</summary>
public sealed record WorkflowList(IReadOnlyList<WorkflowResource> Workflows);

/// <summary>
/// Every workflow of a workspace as code (<c>GET …/workflows:export</c>), in name order, and what
/// <c>PUT …/workflows:import</c> takes. Workflows are matched by name (case-insensitive).
/// </summary>
public sealed record WorkflowsDocument
{
    public IReadOnlyList<WorkflowInput>? Workflows { get; init; }
}
