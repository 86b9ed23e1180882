using System.Globalization;
using OneVisit.Rules.Catalog;

namespace OneVisit.Rules.Export.Internal;

/// <summary>
/// The IRI of every node, built under the base IRI from the catalogue's codes and ids. Each code or id is one path
/// segment, percent-encoded (<see cref="Uri.EscapeDataString(string)"/>: everything but RFC 3986's unreserved characters), so a
/// law's Chinese name or a slash in an id can neither break the IRI nor make two nodes share one.
/// </summary>
internal sealed class Iris(Uri baseIri)
{
    private readonly string _base = baseIri.AbsoluteUri;

    /// <summary>The currency of every fee: the Publications Office's Currency Authority Table, as CPSV-AP recommends.</summary>
    public const string Renminbi = "http://publications.europa.eu/resource/authority/currency/CNY";

    public string Service(string code) => $"{_base}service/{Segment(code)}";

    public string Requirement(string code, string materialId) => $"{Service(code)}/requirement/{Segment(materialId)}";

    public string Cost(string code, int number) => $"{Service(code)}/cost/{Number(number)}";

    public string Participation(string code, string authorityId) => $"{Service(code)}/participation/{Segment(authorityId)}";

    public string VisitReason(string code, int number) => $"{Service(code)}/visit-reason/{Number(number)}";

    public string Event(string code) => $"{_base}event/{Segment(code)}";

    public string Flow(string code, int number) => $"{Event(code)}/flow/{Number(number)}";

    public string Trip(string code, int number) => $"{Event(code)}/trip/{Number(number)}";

    public string Touchpoint(string code, int trip, int number) => $"{Trip(code, trip)}/touchpoint/{Number(number)}";

    public string Organisation(string authorityId) => $"{_base}organisation/{Segment(authorityId)}";

    /// <summary>A region path (<c>zhejiang/hangzhou</c>) keeps its slashes: each of its parts is a segment.</summary>
    public string Place(string region) => $"{_base}place/{string.Join('/', region.Split('/').Select(Segment))}";

    public string Evidence(string documentId) => $"{_base}evidence/{Segment(documentId)}";

    public string Output(string documentId) => $"{_base}output/{Segment(documentId)}";

    public string Dataset(string authorityId) => $"{_base}dataset/{Segment(authorityId)}";

    public string Channel(Channel channel) => $"{_base}channel/{CatalogWords.Of(channel)}";

    /// <summary>One node per law and article; a law cited as a whole has none of its own articles' segments.</summary>
    public string LegalResource(LegalBasis basis) => string.IsNullOrEmpty(basis.Article)
        ? $"{_base}legal-resource/{Segment(basis.Law)}"
        : $"{_base}legal-resource/{Segment(basis.Law)}/{Segment(basis.Article)}";

    public string Population() => $"{_base}visits-population";

    private static string Segment(string value) => Uri.EscapeDataString(value);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
