namespace OneVisit.Rules.WhatIf.Populations.Internal;

/// <summary>What the file formats share: the file must exist when named, errors start with "file:line:".</summary>
internal static class PopulationFileChecks
{
    public static void MustExist(string path, string format)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new PopulationException($"There is no population file '{path}'. Give the path of a {format} file (see docs/populations.md).");
        }
    }

    public static PopulationException At(string path, int line, string message) => new($"{path}:{line}: {message}");

    /// <summary>A reader that refuses bytes that are not UTF-8 rather than reading them as replacement characters.</summary>
    public static StreamReader OpenText(string path) =>
        new(path, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);

    public static PopulationException NotUtf8(string path, int line, Exception inner) =>
        new($"{path}:{line}: this file is not valid UTF-8 (at or after this line). Save it as UTF-8.", inner);
}
