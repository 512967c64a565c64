namespace SlackApp.Workflows;

/// <summary>
/// The wire names of <see cref="DeliveryMode"/> (<c>instant</c>, <c>digest</c>, <c>daily_digest</c>), used in the stored
/// delivery settings and as the modal's option values, so neither changes when a C# member is renamed.
/// </summary>
public static class DeliveryModeNames
{
    public const string Instant = "instant";
    public const string Digest = "digest";
    public const string DailyDigest = "daily_digest";

    public static string Wire(DeliveryMode mode) => mode switch
    {
        DeliveryMode.Digest => Digest,
        DeliveryMode.DailyDigest => DailyDigest,
        _ => Instant,
    };

    public static bool TryParse(string? wire, out DeliveryMode mode)
    {
        (var known, mode) = wire switch
        {
            Instant => (true, DeliveryMode.Instant),
            Digest => (true, DeliveryMode.Digest),
            DailyDigest => (true, DeliveryMode.DailyDigest),
            _ => (false, DeliveryMode.Instant),
        };
        return known;
    }
}
