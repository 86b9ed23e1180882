using System.Security.Cryptography;

namespace OneVisit.Rules.WhatIf.Populations.Internal;

/// <summary>The lower-case hex SHA-256 of a file, streamed, so a population of a million lines is never held whole.</summary>
internal static class FileHash
{
    public static string Of(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
