namespace SlackApp.Data;

/// <summary>The name a worker puts on the rows it leases: unique per instance and process, so a lease names exactly one worker.</summary>
public static class LeaseOwner
{
    /// <summary>The width of the <c>lease_owner</c> columns.</summary>
    public const int MaxLength = 100;

    public static string New() => New(Environment.MachineName);

    // The unique tail is kept when a machine name is very long.
    internal static string New(string machineName)
    {
        var owner = $"{machineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
        return owner.Length <= MaxLength ? owner : owner[^MaxLength..];
    }
}
