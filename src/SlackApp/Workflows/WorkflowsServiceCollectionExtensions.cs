using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SlackApp.Workflows;

public static class WorkflowsServiceCollectionExtensions
{
    /// <summary>
    /// Workflow storage, permissions and the services behind the command, modal and buttons. The default
    /// <see cref="ITestNotificationSender"/> only says tests are not available yet; the notifications feature's
    /// registration wins. Needs <c>AddData</c> and <c>AddInstallations</c>; the Home tab needs <c>AddHome</c>.
    /// </summary>
    public static IServiceCollection AddWorkflows(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<WorkflowRepository>();
        services.TryAddSingleton<ITestNotificationSender, UnavailableTestNotificationSender>();

        // Per Slack request: users.info is asked at most once per request, never cached longer.
        services.TryAddScoped<WorkflowPermissions>();
        services.TryAddScoped<WorkflowChanges>();
        services.TryAddScoped<WorkflowSubmission>();
        return services;
    }
}
