using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SlackApp.AdminApi;
using SlackApp.Analytics;
using SlackApp.ApiKeys;
using SlackApp.Audit;
using SlackApp.Data;
using SlackApp.Explanations;
using SlackApp.Home;
using SlackApp.Installations;
using SlackApp.Notifications;
using SlackApp.Operations;
using SlackApp.OwnerMappings;
using SlackApp.Previews;
using SlackApp.Sandbox.Hosting;
using SlackApp.Sandbox.Page;
using SlackApp.Signals;
using SlackApp.Slack.Hosting;
using SlackApp.Slack.Routing;
using SlackApp.Welcome;
using SlackApp.Workflows;

var builder = WebApplication.CreateBuilder(args);

// With no Slack credentials configured, a local Slack sandbox stands in for Slack (see /sandbox).
builder.AddSlackSandbox(sandbox => sandbox.Use<SlackApp.LocalSandbox.ProductSandbox>());

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddProblemDetails();
// Behind a reverse proxy that ends TLS on this machine (ASP.NET Core trusts loopback proxies by default), the
// request still counts as https: the OAuth state cookie stays Secure.
builder.Services.Configure<ForwardedHeadersOptions>(o => o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);
builder.Services.AddOptions<SlackOptions>().BindConfiguration(SlackOptions.SectionName).ValidateOnStart();
builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SlackOptions>, SlackOptionsValidator>());
builder.Services.AddData();
builder.Services.AddAudit();
builder.Services.AddInstallations(builder.Configuration, builder.Environment);
builder.Services.StartWhenSandboxIsReachable<SingleWorkspaceBootstrap>();
builder.Services.AddSignals();
builder.Services.AddWorkflows();
builder.Services.AddHome();
builder.Services.AddNotifications();
builder.Services.AddOwnerMappings();
builder.Services.AddWelcome();
builder.Services.AddExplanations();
builder.Services.AddPreviews();
builder.Services.AddAnalytics();
builder.Services.AddApiKeys();
builder.Services.AddAdminApi();
builder.Services.AddOperations(builder.Configuration);
builder.Services.AddSlackRouting(slack => slack
    .AddInstallationListeners()
    .AddPreviewListeners()
    .AddExplanationListeners() // before the workflow listeners: their command listener takes every /usergems text
    .AddAuditListeners(WorkflowCommandLine.Command) // before the workflow listeners too
    .AddWorkflowListeners()
    .AddWelcomeListeners() // before Home's: its listener takes every app_home_opened
    .AddHomeListeners()
    .AddNotificationListeners()
    .AddMapOwnerListener()
    .AddOwnerMappingListeners());

var app = builder.Build();

app.UseForwardedHeaders();
app.UseRateLimiter(); // the admin API's pacing per key
// The sandbox's Socket Mode endpoint (Sandbox:SocketMode) accepts the app's WebSocket connections.
app.UseWebSockets();
app.MapGet("/healthz", () => Results.Ok(new { status = "ok" }));
app.MapOperations();
app.MapSlackEvents("/slack/events");
app.MapInstallation();
app.MapSignals();
app.MapAdminApi();
app.MapSlackSandbox();

app.Run();

/// <summary>Entry point, visible to in-process tests.</summary>
public partial class Program;
