using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using OneVisit.Workflows.Audit;

namespace OneVisit.Workflows.Storage;

/// <summary>
/// Seals audit lines into a hash chain per case, and with a host's key also with an HMAC, so that an edit, a
/// removal or an insertion behind the store's back shows on verification. Every storage implementation computes
/// the same bytes (docs/audit.md describes the encoding), which is why this lives with the port.
/// </summary>
/// <remarks>
/// The hash is SHA-256 over this encoding, fields in this order: the tag <c>onevisit-audit-v1</c>, case id, chain
/// index, subject id, instant, actor, action, detail, data requested, purpose, previous line's hash. A text field is
/// its UTF-8 length as 4 bytes big-endian then its UTF-8 bytes; a null text field is the length 0xFFFFFFFF alone (so
/// null and "" differ). Chain index and instant (UTC ticks, kept to the millisecond) are 8 bytes big-endian. The
/// previous hash is a field of its raw 32 bytes, empty for the first line. Stored as lowercase hex.
/// </remarks>
internal sealed class AuditSeal
{
    private const string Tag = "onevisit-audit-v1";
    private readonly byte[]? _key;

    private AuditSeal(byte[]? key) => _key = key;

    /// <summary>Hashes only: detects edits that do not rebuild the chain after them.</summary>
    public static AuditSeal Unkeyed { get; } = new(null);

    /// <summary>True when lines also carry (and are checked for) an HMAC with the host's key.</summary>
    public bool IsKeyed => _key is not null;

    /// <summary>A seal with the host's key (validated by the options before it gets here).</summary>
    public static AuditSeal WithKey(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new AuditSeal(key.ToArray());
    }

    /// <summary>The seal for a base64 key from the options; none when no key is set.</summary>
    public static AuditSeal FromBase64(string? key) => string.IsNullOrEmpty(key) ? Unkeyed : WithKey(Convert.FromBase64String(key));

    /// <summary>The line's hash, chained to <paramref name="previousHash"/> (null for a chain's first line).</summary>
    public static string Hash(AuditEntry entry, long chainIndex, string? previousHash)
    {
        ArgumentNullException.ThrowIfNull(entry);
        using var buffer = new MemoryStream(256);
        Text(buffer, Tag);
        Text(buffer, entry.CaseId);
        Number(buffer, chainIndex);
        Text(buffer, entry.SubjectId);
        // Kept to the millisecond, as every store keeps instants: the hash is over what is read back.
        Number(buffer, DateTimeOffset.FromUnixTimeMilliseconds(entry.At.ToUnixTimeMilliseconds()).UtcTicks);
        Text(buffer, entry.Actor);
        Text(buffer, entry.Action);
        Text(buffer, entry.Detail);
        Text(buffer, entry.DataRequested);
        Text(buffer, entry.Purpose);
        Bytes(buffer, previousHash is null ? [] : Convert.FromHexString(previousHash));
        return Convert.ToHexStringLower(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)));
    }

    /// <summary>The HMAC of a line's hash with the host's key; null without a key.</summary>
    public string? Mac(string hash) =>
        _key is null ? null : Convert.ToHexStringLower(HMACSHA256.HashData(_key, Convert.FromHexString(hash)));

    private static void Text(MemoryStream buffer, string? value)
    {
        if (value is null)
        {
            Length(buffer, uint.MaxValue);
            return;
        }

        Bytes(buffer, Encoding.UTF8.GetBytes(value));
    }

    private static void Bytes(MemoryStream buffer, byte[] value)
    {
        Length(buffer, (uint)value.Length);
        buffer.Write(value);
    }

    private static void Length(MemoryStream buffer, uint length)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, length);
        buffer.Write(bytes);
    }

    private static void Number(MemoryStream buffer, long value)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(bytes, value);
        buffer.Write(bytes);
    }
}
