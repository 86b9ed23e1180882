namespace OneVisit.Rules.Catalog;

/// <summary>Text in the catalogue's language (Chinese in the sample), with an optional English version.</summary>
/// <param name="Text">The text as written in the catalogue's default language.</param>
/// <param name="English">The English version, if the catalogue gives one.</param>
public sealed record LocalizedText(string Text, string? English = null)
{
    /// <summary>The English version, or the original when there is none.</summary>
    public string EnglishOrText => English ?? Text;

    /// <inheritdoc />
    public override string ToString() => English is null ? Text : $"{Text} ({English})";
}
