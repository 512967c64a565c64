namespace SlackApp.Operations;

/// <summary>The <c>Telemetry</c> section: where metrics and traces go. Everything is off unless asked for.</summary>
public sealed record TelemetryOptions
{
    public const string SectionName = "Telemetry";

    /// <summary>Writes traces and metrics to the console (every 10 s), to see them locally.</summary>
    public bool Console { get; init; }

    public PrometheusOptions Prometheus { get; init; } = new();
}

/// <summary><c>Telemetry:Prometheus</c>: the <c>/metrics</c> scraping endpoint, off by default and always behind a bearer token.</summary>
public sealed record PrometheusOptions
{
    public bool Enabled { get; init; }

    /// <summary>The bearer token a scraper must send (<c>Authorization: Bearer …</c>); required when enabled.</summary>
    public string? Token { get; init; }
}
