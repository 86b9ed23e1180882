using System.Security.Cryptography;
using System.Text;
using OneVisit.Rules.Catalog;
using OneVisit.Rules.Diagnostics;
using OneVisit.Rules.WhatIf;

namespace OneVisit.Rules.Authoring.Internal;

/// <summary>Reads one reform file as the catalogue's files are read (strict UTF-8, size limit, positions), then its content.</summary>
internal static class ReformFile
{
    public static Reform? Read(string path, ProcedureCatalog catalog, DiagnosticBag diagnostics)
    {
        if (!File.Exists(path))
        {
            diagnostics.Error(DiagnosticCodes.MissingFile, SourceLocation.StartOf(path), "There is no reform file here; check the path (docs/whatif.md shows one).");
            return null;
        }

        var source = LoadSession.ReadText(path, diagnostics);
        if (source is null)
        {
            return null;
        }

        var errors = diagnostics.ErrorCount;
        var root = YamlTreeBuilder.Build(source, diagnostics);
        if (root is null && diagnostics.ErrorCount > errors)
        {
            return null;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(source.Text)));
        return new ReformReader(new FileContext(source, diagnostics), catalog).Read(root, hash);
    }
}
