namespace OneVisit.Rules.Catalog;

/// <summary>A law and article that a rule rests on, so that every outcome can say why.</summary>
/// <param name="Law">The law or regulation, e.g. 中华人民共和国行政许可法.</param>
/// <param name="Article">The article, e.g. 第三十二条; may be empty when the whole act is meant.</param>
public sealed record LegalBasis(string Law, string Article)
{
    /// <inheritdoc />
    public override string ToString() => string.IsNullOrEmpty(Article) ? Law : $"{Law} {Article}";
}
