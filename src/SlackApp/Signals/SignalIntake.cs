using Microsoft.Net.Http.Headers;
using SlackApp.Installations;

namespace SlackApp.Signals;

/// <summary>
/// <c>POST /signals/{team_id}</c>: authenticates, validates and durably stores a request's signals
/// (all or none), then wakes the matching worker. Answers follow SIGNALS.md; every refusal is a
/// problem+json with a clear detail and nothing stored.
/// </summary>
public sealed class SignalIntake(
    InstallationStore installations,
    WorkspaceSettingsRepository settings,
    SignalSignatureVerifier verifier,
    SignalCommitQueue signals,
    SignalMatchingTrigger trigger,
    SignalTelemetry telemetry,
    ILogger<SignalIntake> logger)
{
    private const int MaxTeamIdLength = 32;

    public async Task<IResult> HandleAsync(string teamId, HttpRequest request, CancellationToken cancellationToken)
    {
        // The span whose context is stored with each signal: matching and delivery continue its trace.
        using var activity = SignalTelemetry.Source.StartActivity("signals.intake");
        activity?.SetTag("slack.team_id", teamId);
        using var scope = logger.BeginScope("Signals for team {TeamId}", teamId);
        var (result, refusal) = await IntakeAsync(teamId, request, cancellationToken);
        if (refusal is not null)
        {
            telemetry.Refused(refusal);
            activity?.SetTag("signals.refused", refusal);
        }

        return result;
    }

    // The answer, and the reason when it is a refusal.
    private async Task<(IResult Result, string? Refusal)> IntakeAsync(string teamId, HttpRequest request, CancellationToken cancellationToken)
    {
        // First, so a removed workspace's source hears clearly that the workspace is gone.
        var workspace = new Workspace(teamId);
        if (teamId.Length is 0 or > MaxTeamIdLength || !await installations.IsInstalledAsync(workspace, cancellationToken))
        {
            return (Problem(StatusCodes.Status404NotFound, "Unknown workspace", "No workspace with this id has the app installed."), "unknown_workspace");
        }

        if (!IsJson(request.ContentType))
        {
            return (Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "Send the signals as JSON, with Content-Type: application/json."), "unsupported_media_type");
        }

        var body = await SignalRequestBody.ReadAsync(request, cancellationToken);
        if (body is null)
        {
            return (Problem(StatusCodes.Status413PayloadTooLarge, "Body too large", $"The body is over {SignalRequestBody.MaxBytes} bytes (1 MiB). Send fewer signals per request."), "body_too_large");
        }

        var secret = await settings.GetSignalSecretAsync(workspace, cancellationToken);
        var check = verifier.Verify(secret, Header(request, SignalSignatureVerifier.TimestampHeader), Header(request, SignalSignatureVerifier.SignatureHeader), body);
        if (check != SignalSignatureCheck.Valid)
        {
            logger.LogWarning("Refused a signal request for {Workspace}: signature {Check}", workspace, check);
            return (Problem(StatusCodes.Status401Unauthorized, "Bad signature", check switch
            {
                SignalSignatureCheck.Missing => $"The {SignalSignatureVerifier.TimestampHeader} and {SignalSignatureVerifier.SignatureHeader} headers are required.",
                SignalSignatureCheck.Stale => $"{SignalSignatureVerifier.TimestampHeader} must be Unix seconds within 5 minutes of now.",
                _ => $"{SignalSignatureVerifier.SignatureHeader} does not match the body signed with the workspace's signal secret.",
            }), "bad_signature");
        }

        var content = SignalBody.Read(body);
        switch (content.Outcome)
        {
            case SignalBodyOutcome.MalformedJson or SignalBodyOutcome.NotASignal:
                return (Problem(StatusCodes.Status400BadRequest, "Invalid body", content.Detail!), "malformed_body");
            case SignalBodyOutcome.TooManySignals:
                return (Problem(StatusCodes.Status413PayloadTooLarge, "Too many signals", content.Detail!), "too_many_signals");
            case SignalBodyOutcome.Invalid:
                return (Results.ValidationProblem(
                    content.Errors, detail: "Nothing from this request was stored. Fix the fields listed in errors and send it again.", title: "Invalid signals"), "invalid_signals");
        }

        var result = await signals.AddAsync(workspace, content.Signals, cancellationToken);
        trigger.Wake();
        telemetry.Stored(result);
        logger.LogInformation("Stored {Accepted} signal(s) for {Workspace}, ignored {Duplicates} duplicate(s)", result.Accepted, workspace, result.Duplicates);
        return (Results.Json(result, statusCode: StatusCodes.Status202Accepted), null);
    }

    private static bool IsJson(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media))
        {
            return false;
        }

        var isJson = media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (media.Type.Equals("application", StringComparison.OrdinalIgnoreCase) && media.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase));
        // JSON is UTF-8 (RFC 8259); a declared other charset would not be read as sent.
        return isJson && (!media.Charset.HasValue || media.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));
    }

    private static string? Header(HttpRequest request, string name) =>
        request.Headers.TryGetValue(name, out var values) && values.Count == 1 ? values[0] : null;

    private static IResult Problem(int status, string title, string detail) => Results.Problem(detail: detail, statusCode: status, title: title);
}
