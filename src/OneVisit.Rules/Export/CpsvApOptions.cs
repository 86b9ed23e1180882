using OneVisit.Rules.WhatIf;

namespace OneVisit.Rules.Export;

/// <summary>How <see cref="CpsvApExport"/> names the catalogue's nodes, and which visit figures it adds.</summary>
public sealed record CpsvApOptions
{
    private readonly Uri _baseIri = DefaultBaseIri;

    /// <summary>
    /// <c>https://example.org/onevisit/</c>: a reserved example domain (RFC 2606), so an export nobody configured can
    /// never pass for a government's published data.
    /// </summary>
    public static Uri DefaultBaseIri { get; } = new("https://example.org/onevisit/", UriKind.Absolute);

    /// <summary>
    /// Where the catalogue's nodes live: every service, organisation, requirement and event gets an IRI under it
    /// (<c>{base}service/330100-SC-0004</c>). An absolute <c>http</c> or <c>https</c> IRI without query, fragment or
    /// user name; a missing final <c>/</c> is added. <see cref="DefaultBaseIri"/> when not set.
    /// </summary>
    /// <exception cref="ArgumentException">The IRI is relative, not http(s), or has a query, fragment or user name.</exception>
    public Uri BaseIri
    {
        get => _baseIri;
        init => _baseIri = CheckBaseIri(value);
    }

    /// <summary>
    /// A visits report of the same catalogue (<see cref="VisitsReport.Build"/>) whose population figures are added as
    /// <c>ov:typicalVisits</c> and <c>ov:fewestVisits</c>, with the population described once; null (the default):
    /// only the worst case, which the catalogue alone decides, is exported. Codes the report lacks get no figures.
    /// </summary>
    public VisitsReport? Visits { get; init; }

    private static Uri CheckBaseIri(Uri value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var problem = !value.IsAbsoluteUri ? "is not absolute"
            : value.Scheme != Uri.UriSchemeHttps && value.Scheme != Uri.UriSchemeHttp ? $"has scheme '{value.Scheme}', not http or https"
            : value.Query.Length > 0 || value.Fragment.Length > 0 ? "has a query or a fragment, under which node IRIs cannot be built"
            : value.UserInfo.Length > 0 ? "carries a user name, which must not be published in every node's IRI"
            : null;
        if (problem is not null)
        {
            throw new ArgumentException(
                $"The base IRI '{value.OriginalString}' {problem}. Give an absolute http(s) IRI for the catalogue's nodes, such as https://data.example.gov.cn/services/.");
        }

        return value.AbsoluteUri.EndsWith('/') ? value : new Uri(value.AbsoluteUri + "/", UriKind.Absolute);
    }
}
