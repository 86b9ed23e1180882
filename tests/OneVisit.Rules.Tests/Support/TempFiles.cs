namespace OneVisit.Rules.Tests.Support;

/// <summary>A temporary folder for files a test writes (populations, specs), deleted afterwards.</summary>
public sealed class TempFiles : IDisposable
{
    public TempFiles()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "onevisit-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>Writes <paramref name="content"/> to <paramref name="name"/> in the folder and returns the file's path.</summary>
    public string Write(string name, string content)
    {
        var file = System.IO.Path.Combine(Path, name);
        File.WriteAllText(file, content);
        return file;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; a test must not fail on clean-up.
        }
    }
}
