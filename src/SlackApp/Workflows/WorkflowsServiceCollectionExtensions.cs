using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SlackApp.Workflows;

public static class WorkflowsServiceCollectionExtensions
{
    /// <summary>
    /// Workflow storage, permissions and the verbs behind the command, modal and buttons. Needs <c>AddData</c>,
    /// <c>AddInstallations</c>, and implementations of <see cref="ITestNotificationSender"/> and
    /// <see cref="IWorkflowDeliveryObserver"/> (Notifications) and <see cref="IWorkflowChangeObserver"/> (Home).
    /// </summary>
    public static IServiceCollection AddWorkflows(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<WorkflowRepository>();

        // Per Slack request: users.info is asked at most once per request, never cached longer.
        services.TryAddScoped<WorkflowPermissions>();
        services.TryAddScoped<WorkflowVerbs>();
        services.TryAddScoped<SlackApp.Audit.IAuditLogReaders, AuditLogReaders>();
        return services;
    }
}
