using System.Data;
using System.Globalization;
using Dapper;

namespace SlackApp.Data;

/// <summary>
/// How Dapper maps our types on both databases: times are written as UTC <c>datetime2</c>/text and read
/// back as UTC <see cref="DateTimeOffset"/> (SQLite hands back text, SQL Server a DateTime).
/// </summary>
internal static class DapperConventions
{
    private static int _registered;

    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 1)
        {
            return;
        }

        SqlMapper.AddTypeHandler(new UtcDateTimeOffsetHandler());
        SqlMapper.AddTypeHandler(new NullableUtcDateTimeOffsetHandler());
    }

    internal static DateTimeOffset Read(object value) => value switch
    {
        DateTimeOffset offset => offset.ToUniversalTime(),
        DateTime dateTime => new DateTimeOffset(DateTime.SpecifyKind(dateTime, DateTimeKind.Utc)),
        string text => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
        _ => throw new DataException($"Cannot read a time from a {value.GetType().Name}."),
    };

    internal static void Write(IDbDataParameter parameter, DateTimeOffset value)
    {
        parameter.DbType = DbType.DateTime2;
        parameter.Value = value.UtcDateTime;
    }

    private sealed class UtcDateTimeOffsetHandler : SqlMapper.TypeHandler<DateTimeOffset>
    {
        public override void SetValue(IDbDataParameter parameter, DateTimeOffset value) => Write(parameter, value);

        public override DateTimeOffset Parse(object value) => Read(value);
    }

    private sealed class NullableUtcDateTimeOffsetHandler : SqlMapper.TypeHandler<DateTimeOffset?>
    {
        public override void SetValue(IDbDataParameter parameter, DateTimeOffset? value)
        {
            if (value is { } time)
            {
                Write(parameter, time);
            }
            else
            {
                parameter.Value = DBNull.Value;
            }
        }

        public override DateTimeOffset? Parse(object value) => value is DBNull ? null : Read(value);
    }
}
