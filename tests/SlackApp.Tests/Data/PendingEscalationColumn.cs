using Dapper;
using SlackApp.Data;

namespace SlackApp.Tests.Data;

/// <summary>
/// Adds <c>notification_deliveries.escalated_at</c> when the schema lacks it. Migration 0017 (escalation) adds it; the
/// Home analytics read it, and this branch was built before 0017 landed. Remove once 0017 is merged.
/// </summary>
public static class PendingEscalationColumn
{
    public static void Ensure(DbConnectionFactory connections)
    {
        ArgumentNullException.ThrowIfNull(connections);
        using var connection = connections.OpenAsync(CancellationToken.None).GetAwaiter().GetResult();
        var sql = connections.Dialect.Provider == DatabaseProvider.SqlServer
            ? "IF OBJECT_ID('notification_deliveries') IS NOT NULL AND COL_LENGTH('notification_deliveries', 'escalated_at') IS NULL ALTER TABLE notification_deliveries ADD escalated_at DATETIME2 NULL;"
            : null;
        if (sql is null)
        {
            var table = connection.ExecuteScalar<long>("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'notification_deliveries'");
            var column = connection.ExecuteScalar<long>("SELECT COUNT(*) FROM pragma_table_info('notification_deliveries') WHERE name = 'escalated_at'");
            sql = table == 1 && column == 0 ? "ALTER TABLE notification_deliveries ADD COLUMN escalated_at TEXT NULL;" : null;
        }

        if (sql is not null)
        {
            connection.Execute(sql);
        }
    }
}
