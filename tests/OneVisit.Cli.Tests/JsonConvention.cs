using System.Text.Json;
using System.Text.RegularExpressions;

namespace OneVisit.Cli.Tests;

/// <summary>The one JSON convention of every <c>--json</c> (docs/cli.md): camelCase names, booleans, null for unknown.</summary>
internal static partial class JsonConvention
{
    /// <summary>Parses <paramref name="output"/> and fails on the first name or value that breaks the convention.</summary>
    public static JsonDocument Parse(string output)
    {
        var document = JsonDocument.Parse(output);
        var problems = new List<string>();
        Walk(document.RootElement, "$", problems);
        Assert.True(problems.Count == 0, "The JSON breaks the convention of docs/cli.md:\n" + string.Join('\n', problems));
        return document;
    }

    private static void Walk(JsonElement element, string path, List<string> problems)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (!CamelCase().IsMatch(property.Name))
                    {
                        problems.Add($"{path}.{property.Name}: not a camelCase name");
                    }

                    Walk(property.Value, $"{path}.{property.Name}", problems);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, $"{path}[{index++}]", problems);
                }

                break;
            case JsonValueKind.String when element.GetString() is "true" or "false" or "unknown" or "":
                problems.Add($"{path}: \"{element.GetString()}\" where the convention has a boolean or null");
                break;
        }
    }

    [GeneratedRegex("^[a-z][a-zA-Z0-9]*$")]
    private static partial Regex CamelCase();
}
