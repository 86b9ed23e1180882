using System.Text;
using System.Text.Unicode;
using OneVisit.Rules.Authoring.Internal;
using OneVisit.Rules.Catalog;
using OneVisit.Rules.Diagnostics;

namespace OneVisit.Rules.Authoring;

/// <summary>
/// Loads a catalogue folder (see <c>docs/catalog-format.md</c>) into a <see cref="ProcedureCatalog"/>, reporting
/// every problem with file, line and column. Hostile input (huge files, invalid UTF-8, alias bombs, deep nesting,
/// enormous conditions) is reported as an error, never a crash or a hang.
/// </summary>
public static class CatalogLoader
{
    /// <summary>The largest catalogue file read, in bytes (1 MiB). A service guide is a few kilobytes.</summary>
    public const int MaxFileBytes = 1 << 20;

    /// <summary>Loads the catalogue in <paramref name="directory"/>. Never throws for problems in the files.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static CatalogLoadResult Load(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"There is no catalogue folder '{directory}'.");
        }

        var diagnostics = new DiagnosticBag();
        var references = new References();
        var files = 0;

        SourceText? Open(string relative, bool required)
        {
            var display = Path.Combine(directory, relative);
            if (!File.Exists(display))
            {
                if (required)
                {
                    diagnostics.Error(DiagnosticCodes.MissingFile, SourceLocation.StartOf(display),
                        $"The catalogue has no {relative}; see docs/catalog-format.md for what it holds.");
                }

                return null;
            }

            files++;
            return ReadText(display, diagnostics);
        }

        // Kinds of id whose declaring file could not be read: references to them are not reported, because
        // the ids may well exist in the unreadable part. The file's own error says what to fix first.
        var incomplete = new HashSet<string>(StringComparer.Ordinal);
        var factsIncomplete = false;

        (FileContext Context, YNode? Root)? Parse(SourceText? source, params string[] declares)
        {
            var errorsBefore = diagnostics.ErrorCount;
            var root = source is null ? null : YamlTreeBuilder.Build(source, diagnostics);
            // A duplicate key leaves a usable tree; a syntax error, an alias or excess nesting leaves none.
            if (source is null || (root is null && diagnostics.ErrorCount > errorsBefore))
            {
                incomplete.UnionWith(declares);
                return null;
            }

            return (new FileContext(source, diagnostics) { FactsIncomplete = factsIncomplete }, root);
        }

        var info = Parse(Open("catalog.yaml", required: true)) is { } c ? CatalogInfoReader.Read(c.Context, c.Root) : null;
        var facts = Parse(Open("facts.yaml", required: true), "fact") is { } f ? FactSchemaReader.Read(f.Context, f.Root) : new FactSchema([]);
        factsIncomplete = incomplete.Contains("fact");
        var authorities = Parse(Open("authorities.yaml", required: true), "authority", "window") is { } a ? AuthorityReader.Read(a.Context, a.Root, references) : [];
        var documents = Parse(Open("documents.yaml", required: true), "document", "form version") is { } d ? DocumentReader.Read(d.Context, d.Root, references) : [];

        var procedures = new List<Procedure>();
        foreach (var relative in YamlFiles(directory, "procedures", diagnostics, required: true))
        {
            if (Parse(Open(relative, required: true), "procedure") is { } p && new ProcedureReader(p.Context, facts, references).Read(p.Root) is { } procedure)
            {
                procedures.Add(procedure);
            }
        }

        var tests = new List<PolicyTestCase>();
        foreach (var relative in YamlFiles(directory, "tests", diagnostics, required: false))
        {
            if (Parse(Open(relative, required: true)) is { } t)
            {
                tests.AddRange(new PolicyTestReader(t.Context, facts, references).Read(t.Root));
            }
        }

        references.Check(diagnostics, scope => references.IsDeclared("procedure", scope) || references.IsDeclared("document", scope), incomplete);
        AuthorityReader.CheckCycles(authorities, diagnostics);
        CatalogChecks.Run(documents, procedures, diagnostics);

        var catalog = diagnostics.HasErrors || info is null
            ? null
            : new ProcedureCatalog(info, facts, authorities, documents, procedures, tests);
        return new CatalogLoadResult(directory, catalog, diagnostics.Sorted(), files);
    }

    private static IEnumerable<string> YamlFiles(string directory, string folder, DiagnosticBag diagnostics, bool required)
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
            diagnostics.Error(DiagnosticCodes.MissingFile, SourceLocation.StartOf(path),
                $"The catalogue has no {folder}/*.yaml files; add one file per procedure.");
        }

        return files;
    }

    /// <summary>Reads a file as strict UTF-8 within the size limit; reports and returns null otherwise.</summary>
    private static SourceText? ReadText(string path, DiagnosticBag diagnostics)
    {
        var length = new FileInfo(path).Length;
        if (length > MaxFileBytes)
        {
            diagnostics.Error(DiagnosticCodes.FileTooLarge, SourceLocation.StartOf(path),
                $"This file is {length:N0} bytes; a catalogue file may be at most {MaxFileBytes:N0}. Split it (one procedure per file).");
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
