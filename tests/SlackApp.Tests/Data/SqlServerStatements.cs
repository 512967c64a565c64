using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace SlackApp.Tests.Data;

/// <summary>Parses T-SQL the way SQL Server would, to catch syntax errors without a server.</summary>
internal static class SqlServerStatements
{
    public static IReadOnlyList<string> ParseErrors(string sql)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        parser.Parse(reader, out var errors);
        return errors.Select(e => $"line {e.Line}, col {e.Column}: {e.Message}").ToList();
    }
}
