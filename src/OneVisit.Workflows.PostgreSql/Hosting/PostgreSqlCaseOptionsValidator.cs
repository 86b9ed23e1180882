using Microsoft.Extensions.Options;

namespace OneVisit.Workflows.PostgreSql.Hosting;

/// <summary>The attribute rules of <see cref="PostgreSqlCaseOptions"/>, generated.</summary>
[OptionsValidator]
internal sealed partial class PostgreSqlCaseOptionsAttributes : IValidateOptions<PostgreSqlCaseOptions>;

/// <summary>The attribute rules, and the one rule between two settings.</summary>
internal sealed class PostgreSqlCaseOptionsValidator : IValidateOptions<PostgreSqlCaseOptions>
{
    private readonly PostgreSqlCaseOptionsAttributes _attributes = new();

    public ValidateOptionsResult Validate(string? name, PostgreSqlCaseOptions options)
    {
        var result = _attributes.Validate(name, options);
        if (result.Failed)
        {
            return result;
        }

        return options.HeartbeatInterval * 2 < options.LockLease
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"PostgreSqlCaseOptions.HeartbeatInterval ({options.HeartbeatInterval}) must be less than half of LockLease ({options.LockLease}): "
                + "a node renews its locks at each heartbeat, and one late heartbeat must not lose them. Shorten HeartbeatInterval or lengthen LockLease.");
    }
}
