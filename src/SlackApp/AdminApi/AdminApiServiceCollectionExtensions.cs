using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using SlackApp.Workflows;

namespace SlackApp.AdminApi;

public static class AdminApiServiceCollectionExtensions
{
    /// <summary>
    /// The admin API, its pacing per key (<c>AdminApi</c> options) and its OpenAPI document (the API's routes only, with the bearer key scheme). Needs <c>AddApiKeys</c>,
    /// <c>AddWorkflows</c>, <c>AddInstallations</c> and an <see cref="IWorkflowDeliveryObserver"/> (Notifications).
    /// </summary>
    public static IServiceCollection AddAdminApi(this IServiceCollection services)
    {
        services.TryAddScoped<WorkflowSubmission>();
        services.TryAddScoped<WorkflowValidation>();
        services.TryAddScoped<WorkspaceClients>();
        services.TryAddScoped<WorkflowApi>();
        services.TryAddScoped<WorkflowImport>();
        services.TryAddSingleton<DeliveryHistory>();
        services.AddOptions<AdminApiOptions>().BindConfiguration(AdminApiOptions.SectionName)
            .Validate(o => o.Burst >= 1 && o.Refill > TimeSpan.Zero, "AdminApi:Burst must be at least 1 and AdminApi:Refill longer than zero.")
            .ValidateOnStart();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<AdminApiOptions>>((limiter, options) => AdminApiRateLimit.Configure(limiter, options.Value));
        services.AddOpenApi("v1", options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "SlackApp admin API";
                document.Info.Description = "Workflows and deliveries of one workspace. Authenticate with Authorization: Bearer <key> (App Home -> API keys).";
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "An admin API key of the workspace in the path (ugk_…).",
                };
                document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] }];
                return Task.CompletedTask;
            });
        });
        return services;
    }

    private const string BearerScheme = "apiKey";
}
