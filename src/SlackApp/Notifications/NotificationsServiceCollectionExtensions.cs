using Microsoft.Extensions.DependencyInjection.Extensions;
using SlackApp.OwnerMappings;
using SlackApp.Signals;
using SlackApp.Workflows;

namespace SlackApp.Notifications;

public static class NotificationsServiceCollectionExtensions
{
    /// <summary>
    /// Notifications: the planner as THE <see cref="ISignalMatchHandler"/> (replacing the logging default), the
    /// outbox, the delivery worker, the button handlers, and Send test. Needs <c>AddData</c>,
    /// <c>AddInstallations</c>, <c>AddSignals</c> and <c>AddSlackRouting</c>; settings under <c>Notifications</c>.
    /// </summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<NotificationOptions>()
            .BindConfiguration(NotificationOptions.SectionName)
            .Validate(o => o.IsValid, "Notifications needs positive MaxAttempts, RetryBaseDelay (at most MaxRetryDelay), ChannelMessagesPerSecond, ChannelBurst, WorkspaceMessagesPerSecond, WorkspaceBurst, MaxConcurrentSends, BatchSize, LeaseDuration, PollInterval and MaxConcurrentLookups, and HomeRecentCount of 1 to 20.")
            .ValidateOnStart();
        services.TryAddSingleton<NotificationOutbox>();
        services.TryAddSingleton<NotificationHistory>();
        services.TryAddSingleton<ChannelVisibility>();
        services.TryAddSingleton<SlackUserDirectory>();
        services.TryAddSingleton<RecipientResolver>();
        services.TryAddSingleton<ReaderTimeZones>();
        services.TryAddSingleton<RecipientClocks>();
        services.TryAddSingleton<NotificationDeliveryTrigger>();
        services.TryAddSingleton<DeliveryPacer>();
        services.AddMetrics();
        services.TryAddSingleton<OutboxDepthSampler>();
        services.TryAddSingleton<DeliveryTelemetry>();
        services.TryAddSingleton<NotificationPlanner>();
        services.RemoveAll<ISignalMatchHandler>();
        services.AddSingleton<ISignalMatchHandler>(sp => sp.GetRequiredService<NotificationPlanner>());
        services.TryAddSingleton<SignalCopies>();
        services.TryAddSingleton<NotificationAcknowledgements>();
        services.TryAddSingleton<NotificationClaims>();
        services.TryAddSingleton<NotRelevantMarks>();
        services.TryAddSingleton<Snoozes>();
        services.TryAddScoped<WrongOwners>();
        services.TryAddSingleton<TestNotificationSender>();
        // The workflows feature owns this seam; notifications fill it.
        services.TryAddSingleton<ITestNotificationSender>(sp => sp.GetRequiredService<TestNotificationSender>());
        services.TryAddSingleton<IWorkflowDeliveryObserver, WaitingItemsRetiming>();
        // Owner mapping, which the resolver reads first; its seam on stored items is filled here.
        services.AddOwnerMappings();
        services.TryAddSingleton<IOwnerMappingItems, OwnerMappingItems>();
        if (!services.Any(d => d.ServiceType == typeof(EscalationWorker)))
        {
            services.AddSingleton<EscalationWorker>();
            services.AddHostedService(sp => sp.GetRequiredService<EscalationWorker>());
        }

        if (!services.Any(d => d.ServiceType == typeof(NotificationDeliveryWorker)))
        {
            services.AddSingleton<NotificationDeliveryWorker>();
            services.AddHostedService(sp => sp.GetRequiredService<NotificationDeliveryWorker>());
        }

        return services;
    }
}
