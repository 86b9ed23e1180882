using System.Text.Json;
using OneVisit.Rules.Json;

namespace OneVisit.Cli.Common;

/// <summary>
/// Writes one JSON document to the terminal, the one way every command's <c>--json</c> is written. The convention
/// and its pieces are the library's (<see cref="OneVisitJson"/>), so the HTTP API writes the same bytes.
/// </summary>
internal static class JsonOutput
{
    public static void Write(Terminal output, Action<Utf8JsonWriter> write) => output.WriteLine(OneVisitJson.ToJson(write));
}
