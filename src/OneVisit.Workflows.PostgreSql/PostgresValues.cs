using System.Data.Common;
using Npgsql;
using NpgsqlTypes;

namespace OneVisit.Workflows.PostgreSql;

/// <summary>
/// Typed parameters and readers: every value goes to PostgreSQL as a parameter with its type named (no SQL built from
/// values), and instants go as UTC <c>timestamptz</c> kept to the millisecond, as every store keeps them.
/// </summary>
internal static class PostgresValues
{
    /// <summary>The instant in UTC, truncated to the millisecond (what SQLite's Unix milliseconds keep).</summary>
    public static DateTimeOffset ToDb(DateTimeOffset instant) => DateTimeOffset.FromUnixTimeMilliseconds(instant.ToUnixTimeMilliseconds());

    /// <summary>One query in a transaction of its own (autocommit), every row read with <paramref name="read"/>.</summary>
    public static async Task<List<T>> QueryAsync<T>(this NpgsqlDataSource dataSource, string sql, Action<NpgsqlCommand> bind, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        var command = dataSource.CreateCommand(sql);
        await using (command.ConfigureAwait(false))
        {
            bind(command);
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                var rows = new List<T>();
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    rows.Add(read(reader));
                }

                return rows;
            }
        }
    }

    public static NpgsqlCommand Text(this NpgsqlCommand command, string name, string? value) =>
        command.With(name, NpgsqlDbType.Text, value);

    public static NpgsqlCommand TextArray(this NpgsqlCommand command, string name, IReadOnlyCollection<string>? values) =>
        command.With(name, NpgsqlDbType.Array | NpgsqlDbType.Text, values?.ToArray());

    public static NpgsqlCommand Instant(this NpgsqlCommand command, string name, DateTimeOffset? value) =>
        command.With(name, NpgsqlDbType.TimestampTz, value is { } instant ? ToDb(instant) : null);

    public static NpgsqlCommand Uuid(this NpgsqlCommand command, string name, Guid? value) => command.With(name, NpgsqlDbType.Uuid, value);

    public static NpgsqlCommand Interval(this NpgsqlCommand command, string name, TimeSpan value) => command.With(name, NpgsqlDbType.Interval, value);

    public static NpgsqlCommand Int(this NpgsqlCommand command, string name, int value) => command.With(name, NpgsqlDbType.Integer, value);

    public static NpgsqlCommand Long(this NpgsqlCommand command, string name, long value) => command.With(name, NpgsqlDbType.Bigint, value);

    public static NpgsqlCommand NullableLong(this NpgsqlCommand command, string name, long? value) => command.With(name, NpgsqlDbType.Bigint, value);

    public static NpgsqlCommand NullableInt(this NpgsqlCommand command, string name, int? value) => command.With(name, NpgsqlDbType.Integer, value);

    public static NpgsqlCommand Bytes(this NpgsqlCommand command, string name, byte[]? value) => command.With(name, NpgsqlDbType.Bytea, value);

    public static NpgsqlCommand Bool(this NpgsqlCommand command, string name, bool value) => command.With(name, NpgsqlDbType.Boolean, value);

    public static NpgsqlCommand Date(this NpgsqlCommand command, string name, DateOnly value) => command.With(name, NpgsqlDbType.Date, value);

    private static NpgsqlCommand With(this NpgsqlCommand command, string name, NpgsqlDbType type, object? value)
    {
        command.Parameters.Add(new NpgsqlParameter(name, type) { Value = value ?? DBNull.Value });
        return command;
    }

    public static DateTimeOffset Instant(DbDataReader reader, int ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal);

    public static DateTimeOffset? NullableInstant(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : Instant(reader, ordinal);

    public static string? NullableString(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static long? NullableLong(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);

    public static byte[]? NullableBytes(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<byte[]>(ordinal);
}
