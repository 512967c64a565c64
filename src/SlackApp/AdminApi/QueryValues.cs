using System.Globalization;

namespace SlackApp.AdminApi;

/// <summary>
/// Query string values taken as text and read here, so that a bad one (<c>?dryRun=maybe</c>) is answered after the key
/// check with problem+json naming it, rather than the framework's bare 400 before it.
/// </summary>
internal sealed class QueryValues
{
    public FieldErrors Errors { get; } = new();

    /// <summary><c>true</c> or <c>false</c> (any case); absent is false.</summary>
    public bool Flag(string name, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        if (bool.TryParse(text, out var value))
        {
            return value;
        }

        Errors.Add(name, "true or false.");
        return false;
    }

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>; absent is null.</summary>
    public long? Number(string name, string? text, long min = 1, long max = long.MaxValue)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        Errors.Add(name, max == long.MaxValue
            ? $"A whole number from {min.ToString(CultureInfo.InvariantCulture)}."
            : $"Between {min.ToString(CultureInfo.InvariantCulture)} and {max.ToString(CultureInfo.InvariantCulture)}.");
        return null;
    }
}
