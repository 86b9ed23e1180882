using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace OneVisit.Web.Pages.Internal;

/// <summary>
/// Writes HTML with every text and attribute value encoded, so nothing from a catalogue or a request can become
/// markup. Chinese stays readable in the page source instead of turning into character references.
/// </summary>
/// <remarks>
/// The pages are written in C# rather than as Razor components on purpose: a Razor component is always a public
/// class (dotnet/aspnetcore#63041, "by design"), so every page, and every type a page takes, would become this
/// package's public API. Written like this they stay internal, and the package's surface stays AddWeb/MapOneVisit.
/// </remarks>
internal sealed class Html
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);
    private readonly StringBuilder _html = new(4096);

    /// <summary>An opening tag; <paramref name="attributes"/> are name–value pairs, a null value leaves the attribute out.</summary>
    public Html Open(string tag, params (string Name, string? Value)[] attributes)
    {
        _html.Append('<').Append(tag);
        foreach (var (name, value) in attributes)
        {
            if (value is not null)
            {
                _html.Append(' ').Append(name).Append("=\"").Append(Encoder.Encode(value)).Append('"');
            }
        }

        _html.Append('>');
        return this;
    }

    public Html Close(string tag)
    {
        _html.Append("</").Append(tag).Append('>');
        return this;
    }

    /// <summary>Text, encoded.</summary>
    public Html Text(string? text)
    {
        _html.Append(Encoder.Encode(text ?? ""));
        return this;
    }

    /// <summary>An element holding only text.</summary>
    public Html Element(string tag, string? text, params (string Name, string? Value)[] attributes) =>
        Open(tag, attributes).Text(text).Close(tag);

    /// <summary>An element with no content and no closing tag (<c>input</c>, <c>meta</c>, <c>link</c>).</summary>
    public Html Void(string tag, params (string Name, string? Value)[] attributes) => Open(tag, attributes);

    /// <summary>Markup this class wrote itself; never text that came from outside.</summary>
    public Html Raw(string markup)
    {
        _html.Append(markup);
        return this;
    }

    public override string ToString() => _html.ToString();
}
