using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SlackApp.Audit;

/// <summary>Registers the audit log's services.</summary>
public static class AuditServiceCollectionExtensions
{
    /// <summary>The audit log's reads. Needs <c>AddData</c>, and an <see cref="IAuditLogReaders"/> (Workflows registers it).</summary>
    public static IServiceCollection AddAudit(this IServiceCollection services)
    {
        services.TryAddSingleton<AuditLog>();
        return services;
    }
}
