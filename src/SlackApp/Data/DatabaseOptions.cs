namespace SlackApp.Data;

/// <summary>The <c>Database</c> settings: which engine, where, and whether to migrate at start-up.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary><c>Sqlite</c> (the embedded default) or <c>SqlServer</c> (shared by several instances).</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Defaults to a SQLite file under <c>./data/</c>; required for SQL Server.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Apply pending migration scripts when the app starts.</summary>
    public bool MigrateOnStartup { get; set; } = true;

    public const string DefaultSqliteConnectionString = "Data Source=data/slackapp.db";
}

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}
