using System.Globalization;
using SlackApp.Workflows;

namespace SlackApp.AdminApi;

/// <summary>
/// A stored workflow in the admin API's shapes, every value written out (ids, never names), so an export imported
/// again reads back as the same workflow and compares equal field by field.
/// </summary>
internal static class WorkflowShapes
{
    public static WorkflowInput Input(Workflow workflow) => new()
    {
        Name = workflow.Name,
        Enabled = workflow.Enabled,
        SignalTypes = [.. workflow.SignalTypes.Select(SignalNames.Wire)],
        Filters = Filters(workflow.Filters),
        Recipients = Recipients(workflow.Recipients),
        FallbackChannel = workflow.FallbackChannelId,
        Delivery = Delivery(workflow.Delivery),
    };

    public static WorkflowResource Resource(Workflow workflow) => new()
    {
        Id = workflow.Id,
        Name = workflow.Name,
        Enabled = workflow.Enabled,
        SignalTypes = [.. workflow.SignalTypes.Select(SignalNames.Wire)],
        Filters = Filters(workflow.Filters),
        Recipients = Recipients(workflow.Recipients),
        FallbackChannel = workflow.FallbackChannelId,
        Delivery = Delivery(workflow.Delivery),
        Version = workflow.Version,
        CreatedBy = workflow.CreatedBy,
        CreatedAt = workflow.CreatedAt,
        UpdatedBy = workflow.UpdatedBy,
        UpdatedAt = workflow.UpdatedAt,
    };

    private static WorkflowFiltersInput Filters(WorkflowFilters filters) => new()
    {
        MinimumSeniority = filters.MinimumSeniority is { } s ? SignalNames.Wire(s) : null,
        AccountStatuses = [.. filters.AccountStatuses.Select(SignalNames.Wire)],
        Departments = [.. filters.Departments],
        Relationships = [.. filters.Relationships.Select(SignalNames.Wire)],
        TitleKeywords = [.. filters.TitleKeywords],
    };

    private static WorkflowRecipientsInput Recipients(WorkflowRecipients recipients) => new()
    {
        Channels = [.. recipients.ChannelIds],
        Roles = [.. recipients.Roles.Select(SignalNames.Wire)],
        Users = [.. recipients.UserIds],
    };

    private static WorkflowDeliveryInput Delivery(WorkflowDelivery delivery) => new()
    {
        Mode = DeliveryModeNames.Wire(delivery.Mode),
        DigestEveryMinutes = (int)delivery.DigestEvery.TotalMinutes,
        DailyAt = delivery.DailyAt.ToString("HH:mm", CultureInfo.InvariantCulture),
        DuplicateWindowDays = delivery.DuplicateWindow is { } window ? (int)Math.Ceiling(window.TotalDays) : 0,
        DailyCap = delivery.DailyCap,
        EscalateAfterHours = delivery.EscalateAfterHours,
        EscalateToUser = delivery.EscalateToUserId,
        EscalateToChannel = delivery.EscalateToChannelId,
    };
}
