using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace OneVisit.Cli.Tests.Guide.Rendering;

/// <summary>
/// One page that frames every guide under test at a phone's width and at A4's printable width, each with
/// <c>measure.js</c> injected. Headless Chromium cannot make its window narrower than 500 px, but a frame can be
/// any width, and its media queries follow the frame.
/// </summary>
internal static partial class RenderHarness
{
    /// <summary>A phone in portrait, in CSS pixels.</summary>
    public const int PhoneWidth = 390;

    /// <summary>A4 (210 mm) less the 15 mm margins the guide's @page rule sets, at 96 px per inch.</summary>
    public const int PrintWidth = 680;

    public static readonly (string Mode, int Width)[] Modes = [("screen", PhoneWidth), ("print", PrintWidth)];

    private static readonly Lazy<string> Script = new(() =>
    {
        using var stream = typeof(RenderHarness).Assembly.GetManifestResourceStream("OneVisit.Cli.Tests.Guide.Rendering.measure.js")
            ?? throw new InvalidOperationException("measure.js is not embedded in the test assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>Writes a copy of the guide page <paramref name="html"/> with the measuring script, and returns its file name.</summary>
    public static string WriteMeasuredCopy(string folder, string id, string html)
    {
        var name = $"{id}.measured.html";
        File.WriteAllText(Path.Combine(folder, name), html.Replace("</body>", $"<script>{Script.Value}</script>\n</body>", StringComparison.Ordinal));
        return name;
    }

    /// <summary>The page that frames each measured copy in every mode and collects what the frames report.</summary>
    public static string WriteHarness(string folder, IEnumerable<(string Id, string File)> guides)
    {
        var page = new StringBuilder("""
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"><style>iframe { display: block; border: 0; height: 1600px; }</style></head>
            <body>
            <pre id="render-report">[]</pre>
            <script>
            var reports = [];
            addEventListener('message', function (e) {
              reports.push(e.data);
              document.getElementById('render-report').textContent = JSON.stringify(reports);
            });
            </script>

            """);
        foreach (var (id, file) in guides)
        {
            foreach (var (mode, width) in Modes)
            {
                page.Append($"<iframe name=\"{id}\" src=\"{file}#{mode}\" style=\"width: {width}px\"></iframe>\n");
            }
        }

        page.Append("</body></html>\n");
        var path = Path.Combine(folder, "harness.html");
        File.WriteAllText(path, page.ToString());
        return path;
    }

    /// <summary>A page with one guide in a phone-wide frame, for a screenshot.</summary>
    public static string WritePhonePage(string folder, string file, int height)
    {
        var path = Path.Combine(folder, "phone.html");
        File.WriteAllText(path, $"""
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"><style>body {"{"} margin: 0; background: #888; {"}"} iframe {"{"} display: block; border: 0; width: {PhoneWidth}px; height: {height}px; {"}"}</style></head>
            <body><iframe name="phone" src="{file}#screen"></iframe></body></html>
            """);
        return path;
    }

    /// <summary>The frames' reports from the DOM that Chromium dumped.</summary>
    public static IReadOnlyList<FrameReport> Parse(string dom)
    {
        var match = ReportElement().Match(dom);
        if (!match.Success)
        {
            return [];
        }

        var messages = JsonSerializer.Deserialize<List<FrameMessage>>(WebUtility.HtmlDecode(match.Groups[1].Value), JsonOptions) ?? [];
        return [.. messages.Select(m => m.Report with { Guide = m.Guide })];
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    [GeneratedRegex("<pre id=\"render-report\">(.*?)</pre>", RegexOptions.Singleline)]
    private static partial Regex ReportElement();

    private sealed record FrameMessage(string Guide, FrameReport Report);
}

/// <summary>What <c>measure.js</c> found in one frame.</summary>
internal sealed record FrameReport(
    string Guide,
    string Mode,
    double Width,
    double ScrollWidth,
    IReadOnlyList<string> Overflow,
    IReadOnlyList<string> Tables,
    bool CjkGlyphsDiffer,
    string Lang,
    IReadOnlyList<string> Headings,
    double Height,
    double SmallestChartText = 0);
