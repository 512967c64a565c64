using Microsoft.AspNetCore.Http;

namespace SlackApp.Sandbox.Page;

/// <summary>The page's HTML, CSS and JavaScript, embedded in the assembly (<c>wwwroot/</c>).</summary>
internal static class SandboxAssets
{
    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".svg"] = "image/svg+xml",
    };

    public static IResult Serve(string name)
    {
        if (name.Contains('/', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal)
            || !ContentTypes.TryGetValue(Path.GetExtension(name), out var contentType))
        {
            return Results.NotFound();
        }

        var stream = typeof(SandboxAssets).Assembly.GetManifestResourceStream("sandbox/" + name);
        return stream is null ? Results.NotFound() : Results.Stream(stream, contentType);
    }
}
