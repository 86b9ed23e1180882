using OneVisit.Rules.WhatIf.Populations.Internal;

namespace OneVisit.Rules.WhatIf.Populations;

/// <summary>Opens a population file by its extension: <c>.jsonl</c>, <c>.csv</c>, or <c>.yaml</c>/<c>.yml</c> for a generated population's spec.</summary>
public static class Population
{
    /// <summary>The population in <paramref name="path"/>; its situations are read and checked when <see cref="PopulationSource.Read"/> is called.</summary>
    /// <exception cref="PopulationException">The file does not exist, or its extension is none of the above.</exception>
    public static PopulationSource FromFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return System.IO.Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".jsonl" => new JsonLinesPopulation(path),
            ".csv" => new CsvPopulation(path),
            ".yaml" or ".yml" => GeneratedPopulation.FromFile(path),
            var other => throw new PopulationException(
                $"'{path}' is not a population file OneVisit reads{(other.Length == 0 ? "" : $" ({other})")}: give a .jsonl (JSON Lines) or .csv file of situations, or a .yaml spec of a generated population. See docs/populations.md."),
        };
    }
}
