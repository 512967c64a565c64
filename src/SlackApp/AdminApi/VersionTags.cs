using System.Globalization;

namespace SlackApp.AdminApi;

/// <summary>
/// A workflow's version as a strong ETag (<c>"3"</c>), and the <c>If-Match</c> a write carries: none, <c>*</c>, or
/// tags compared strongly (a weak <c>W/"3"</c> never matches, as RFC 9110 says for If-Match).
/// </summary>
internal sealed record VersionTags(bool Present, bool Any, IReadOnlySet<string> Tags)
{
    public static string Of(int version) => "\"" + version.ToString(CultureInfo.InvariantCulture) + "\"";

    public static VersionTags From(HttpRequest request)
    {
        var values = request.Headers.IfMatch;
        if (values.Count == 0)
        {
            return new VersionTags(false, false, new HashSet<string>());
        }

        var tags = values.SelectMany(v => (v ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToHashSet(StringComparer.Ordinal);
        return new VersionTags(true, tags.Contains("*"), tags);
    }

    public bool Matches(int version) => Any || Tags.Contains(Of(version));

    /// <summary>The version a write must still find once <paramref name="matched"/> passed the check; null when any will do.</summary>
    public int? Expected(int matched) => Present && !Any ? matched : null;
}
