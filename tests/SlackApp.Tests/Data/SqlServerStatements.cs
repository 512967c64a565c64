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

    /// <summary>Every column of every CREATE TABLE in <paramref name="sql"/>, with its collation if it names one.</summary>
    public static IReadOnlyList<(string Table, string Column, string? Collation)> ColumnDefinitions(string sql)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        var fragment = parser.Parse(reader, out _);
        var columns = new List<(string, string, string?)>();
        fragment.Accept(new CreateTableVisitor(columns));
        return columns;
    }

    private sealed class CreateTableVisitor(List<(string, string, string?)> columns) : TSqlFragmentVisitor
    {
        public override void ExplicitVisit(CreateTableStatement node)
        {
            foreach (var column in node.Definition.ColumnDefinitions)
            {
                columns.Add((node.SchemaObjectName.BaseIdentifier.Value, column.ColumnIdentifier.Value, column.Collation?.Value));
            }
        }
    }
}
