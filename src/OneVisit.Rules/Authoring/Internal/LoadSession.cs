using System.Text;
using System.Text.Unicode;
using OneVisit.Rules.Catalog;
using OneVisit.Rules.Diagnostics;
using OneVisit.Rules.Testing;

namespace OneVisit.Rules.Authoring.Internal;

/// <summary>
/// One load of one catalogue folder: reads the files in dependency order (facts before the conditions that use
/// them), collects every diagnostic, and checks references across files at the end.
/// </summary>
internal sealed class LoadSession(string directory)
{
    private readonly DiagnosticBag _diagnostics = new();
    private readonly References _references = new();

    // Kinds of id whose declaring file could not be read: references to them are not reported, because the
    // ids may well exist in the unreadable part. The file's own error says what to fix first.
    private readonly HashSet<string> _incomplete = new(StringComparer.Ordinal);
    private int _files;

    public CatalogLoadResult Run()
    {
        var info = Parse("catalog.yaml", "party") is { } c ? CatalogInfoReader.Read(c.Context, c.Root, _references) : null;
        var facts = Parse("facts.yaml", "fact") is { } f ? FactSchemaReader.Read(f.Context, f.Root, _references) : new FactSchema([]);
        var authorities = Parse("authorities.yaml", "authority", "window") is { } a ? AuthorityReader.Read(a.Context, a.Root, _references) : [];
        var documents = Parse("documents.yaml", "document", "form version") is { } d ? DocumentReader.Read(d.Context, d.Root, _references) : [];
        var procedures = ReadProcedures(facts);
        var bundles = ReadBundles(facts, procedures, authorities);
        var tests = ReadTests(facts, bundles, procedures);

        _references.Check(_diagnostics, scope => _references.IsDeclared("procedure", scope) || _references.IsDeclared("document", scope), _incomplete);
        AuthorityReader.CheckCycles(authorities, _diagnostics);
        CatalogChecks.Run(documents, procedures, _diagnostics);

        var catalog = _diagnostics.HasErrors || info is null
            ? null
            : new ProcedureCatalog(info, facts, authorities, documents, procedures, bundles);
        return new CatalogLoadResult(directory, catalog, _diagnostics.Sorted(), _files, catalog is null ? [] : tests);
    }

    private List<Procedure> ReadProcedures(FactSchema facts)
    {
        var procedures = new List<Procedure>();
        foreach (var relative in YamlFiles("procedures", required: true))
        {
            if (Parse(relative, "procedure") is { } p && new ProcedureReader(p.Context, facts, _references).Read(p.Root) is { } procedure)
            {
                procedures.Add(procedure);
            }
        }

        return procedures;
    }

    /// <summary>Bundles (optional folder), read after procedures so that their flows are checked against the members.</summary>
    private List<Bundle> ReadBundles(FactSchema facts, List<Procedure> procedures, IReadOnlyList<Authority> authorities)
    {
        var byCode = procedures.ToDictionary(p => p.Code, StringComparer.Ordinal);
        var windows = authorities.SelectMany(a => a.Windows).DistinctBy(w => w.Id).ToDictionary(w => w.Id, StringComparer.Ordinal);
        var bundles = new List<Bundle>();
        foreach (var relative in YamlFiles("bundles", required: false))
        {
            if (Parse(relative, "bundle") is { } b && new BundleReader(b.Context, facts, _references, byCode, windows).Read(b.Root) is { } bundle)
            {
                bundles.Add(bundle);
            }
        }

        return bundles;
    }

    /// <summary>Policy tests (optional folder), read last so that a bundle case is checked against its bundle and members.</summary>
    private List<PolicyTestCase> ReadTests(FactSchema facts, List<Bundle> bundles, List<Procedure> procedures)
    {
        var bundlesByCode = bundles.ToDictionary(b => b.Code, StringComparer.Ordinal);
        var proceduresByCode = procedures.ToDictionary(p => p.Code, StringComparer.Ordinal);
        var tests = new List<PolicyTestCase>();
        foreach (var relative in YamlFiles("tests", required: false))
        {
            if (Parse(relative) is { } t)
            {
                tests.AddRange(new PolicyTestReader(t.Context, facts, _references, bundlesByCode, proceduresByCode).Read(t.Root));
            }
        }

        return tests;
    }

    /// <summary>Reads and parses one file; null when it is missing or unreadable (reported), marking what it declares as incomplete.</summary>
    private (FileContext Context, YNode? Root)? Parse(string relative, params string[] declares)
    {
        var source = Open(relative);
        var errorsBefore = _diagnostics.ErrorCount;
        var root = source is null ? null : YamlTreeBuilder.Build(source, _diagnostics);

        // A duplicate key leaves a usable tree; a syntax error, an alias or excess nesting leaves none.
        if (source is null || (root is null && _diagnostics.ErrorCount > errorsBefore))
        {
            _incomplete.UnionWith(declares);
            return null;
        }

        return (new FileContext(source, _diagnostics) { FactsIncomplete = _incomplete.Contains("fact") }, root);
    }

    private SourceText? Open(string relative)
    {
        var path = Path.Combine(directory, relative);
        if (!File.Exists(path))
        {
            _diagnostics.Error(DiagnosticCodes.MissingFile, SourceLocation.StartOf(path),
                $"The catalogue has no {relative}; see docs/catalog-format.md for what it holds.");
            return null;
        }

        _files++;
        return ReadText(path, _diagnostics);
    }

    private List<string> YamlFiles(string folder, bool required)
    {
        var path = Path.Combine(directory, folder);
        var files = Directory.Exists(path)
            ? Directory.EnumerateFiles(path, "*.*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
                .Select(f => Path.GetRelativePath(directory, f))
                .Order(StringComparer.Ordinal)
                .ToList()
            : [];
        if (files.Count == 0 && required)
        {
            _diagnostics.Error(DiagnosticCodes.MissingFile, SourceLocation.StartOf(path),
                $"The catalogue has no {folder}/*.yaml files; add one file per procedure.");
        }

        return files;
    }

    /// <summary>Reads a file as strict UTF-8 within the size limit; reports and returns null otherwise.</summary>
    public static SourceText? ReadText(string path, DiagnosticBag diagnostics)
    {
        var length = new FileInfo(path).Length;
        if (length > CatalogLoader.MaxFileBytes)
        {
            diagnostics.Error(DiagnosticCodes.FileTooLarge, SourceLocation.StartOf(path),
                $"This file is {length:N0} bytes; a catalogue file may be at most {CatalogLoader.MaxFileBytes:N0}. Split it (one procedure per file).");
            return null;
        }

        var bytes = File.ReadAllBytes(path);
        var start = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0;
        var body = bytes.AsSpan(start);
        var chars = new char[body.Length];
        var status = Utf8.ToUtf16(body, chars, out var read, out var written, replaceInvalidSequences: false);
        if (status != System.Buffers.OperationStatus.Done)
        {
            // Position the error at the first bad byte, counting lines in the valid text before it.
            var before = new SourceText(path, new string(chars, 0, written));
            diagnostics.Error(DiagnosticCodes.InvalidUtf8, before.At(written),
                $"This file is not valid UTF-8 (byte {start + read:N0} cannot be read). Save it as UTF-8.");
            return null;
        }

        return new SourceText(path, new string(chars, 0, written));
    }
}
