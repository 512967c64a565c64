using Microsoft.Extensions.Options;

namespace SlackApp.Data;

internal sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        if (!Enum.IsDefined(options.Provider))
        {
            return ValidateOptionsResult.Fail("Database:Provider must be 'Sqlite' or 'SqlServer'.");
        }

        if (options.Provider == DatabaseProvider.SqlServer && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail("Database:ConnectionString is required when Database:Provider is 'SqlServer'.");
        }

        return ValidateOptionsResult.Success;
    }
}
