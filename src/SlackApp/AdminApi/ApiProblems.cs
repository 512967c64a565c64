namespace SlackApp.AdminApi;

/// <summary>The admin API's refusals, as problem+json (RFC 9457) in the signal API's style: a title, a detail to act on.</summary>
internal static class ApiProblems
{
    public static IResult Problem(int status, string title, string detail) => Results.Problem(detail: detail, statusCode: status, title: title);

    /// <summary>400 with each bad field named in <c>errors</c>; nothing was written.</summary>
    public static IResult Invalid(FieldErrors errors, string title = "Invalid workflow") =>
        Results.ValidationProblem(errors.ToDictionary(), detail: "Nothing was changed. Fix the fields listed in errors and send it again.", title: title);

    /// <summary>404, the same for a workspace the key is not for and for a resource that is not there: neither is revealed.</summary>
    public static IResult NotFound(string what = "workflow") =>
        Problem(StatusCodes.Status404NotFound, "Not found", $"This workspace has no such {what}, or this key is not for this workspace.");

    public static IResult PreconditionRequired() => Problem(
        StatusCodes.Status428PreconditionRequired, "If-Match required", "Send If-Match with the workflow's ETag (from GET), so a change made since is not overwritten; If-Match: * overwrites whatever is there.");

    public static IResult Stale(int current) => Problem(
        StatusCodes.Status412PreconditionFailed, "Stale version", $"The workflow changed since that ETag (it is at version {current} now); nothing was changed. GET it again and reapply your change.");
}
