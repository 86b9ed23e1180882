namespace OneVisit.Rules.Catalog.Internal;

/// <summary>Documents the office makes itself; the precheck's statuses and the general guide's lists both ask.</summary>
internal static class OfficeDocuments
{
    /// <summary>A document the office issues itself (issuer <c>government</c>) is prepared by it, never brought.</summary>
    public static bool IsGenerated(DocumentType document) => document.Issuer == DocumentIssuer.Government;
}
