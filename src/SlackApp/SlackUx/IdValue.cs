using System.Globalization;
using SlackApp.Slack.Payloads;

namespace SlackApp.SlackUx;

/// <summary>
/// Ids the app writes into button values and menu options and reads back. Only a claim: whoever reads one still
/// looks the row up in the request's verified workspace.
/// </summary>
public static class IdValue
{
    public static string Write(long id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>A plain non-negative number, or null for anything else.</summary>
    public static long? Read(string? value) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>The id in a clicked button's value, or null.</summary>
    public static long? Read(BlockAction action) => action is ButtonAction { Value: var value } ? Read(value) : null;
}
