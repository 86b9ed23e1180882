namespace OneVisit.Workflows.Tests.Support;

/// <summary>A copy of a catalogue in a temp folder, to change for one test.</summary>
internal sealed class TempCatalogue : IDisposable
{
    private TempCatalogue(string path) => Path = path;

    public string Path { get; }

    public static TempCatalogue Copy(string source)
    {
        var target = Directory.CreateTempSubdirectory("onevisit-catalogue-").FullName;
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var copy = System.IO.Path.Combine(target, System.IO.Path.GetRelativePath(source, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        return new TempCatalogue(target);
    }

    /// <summary>Rewrites one file; fails when the edit changes nothing (the text it looks for moved).</summary>
    public void Edit(string relativePath, Func<string, string> edit)
    {
        var file = System.IO.Path.Combine(Path, relativePath);
        var before = File.ReadAllText(file).ReplaceLineEndings("\n");
        var after = edit(before);
        Assert.NotEqual(before, after);
        File.WriteAllText(file, after);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Left to the OS's temp cleaning.
        }
    }
}
