namespace OneVisit.Rules.WhatIf;

/// <summary>How a what-if run evaluates its population and what its report may show.</summary>
public sealed class WhatIfOptions
{
    /// <summary>
    /// Cells of the report describing fewer cases a year than this (by weight) show no figures, only that they are
    /// below it (statistical secrecy: a small cell can point at a person). 10 by default; 0 shows everything.
    /// </summary>
    public double MinimumCellSize { get; set; } = 10;

    /// <summary>The date both catalogues are judged on; when null, the day the last reform takes effect (the catalogue's <c>as_of</c> without reforms).</summary>
    public DateOnly? AsOf { get; set; }

    /// <summary>Situations evaluated together; larger batches use more memory, smaller ones more overhead.</summary>
    public int BatchSize { get; set; } = 2048;

    /// <summary>Batches evaluated at once; the machine's processor count by default.</summary>
    public int MaxDegreeOfParallelism { get; set; } = Environment.ProcessorCount;

    /// <summary>The catalogue's content hash for the run record (<c>CatalogLoader.ContentHash</c>); unrecorded when null.</summary>
    public string? CatalogueHash { get; set; }

    internal void Validate()
    {
        if (MinimumCellSize < 0 || double.IsNaN(MinimumCellSize))
        {
            throw new ArgumentOutOfRangeException(nameof(MinimumCellSize), MinimumCellSize, "The minimum cell size is a number of cases, 0 or more.");
        }

        if (BatchSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "A batch holds at least one situation.");
        }

        if (MaxDegreeOfParallelism < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism, "At least one batch runs at a time.");
        }
    }
}
