using System.Globalization;
using System.Runtime.InteropServices;

namespace OneVisit.Cli.Common;

/// <summary>
/// What a user-named path is, looked at before anything reads it. Reading a FIFO blocks until someone writes to
/// it, and reading /dev/zero never ends: the commands refuse everything but regular files, and files above a limit.
/// </summary>
/// <param name="Path">The path as given.</param>
/// <param name="Kind">What is there.</param>
/// <param name="Length">Its size in bytes (regular files only).</param>
internal readonly partial record struct InputFile(string Path, FileKind Kind, long Length)
{
    /// <summary>The largest application file read: 1 MiB, the limit of every catalogue file too.</summary>
    public const long MaxApplicationBytes = 1 << 20;

    /// <summary>Looks at <paramref name="path"/> without opening it (symbolic links are followed).</summary>
    public static InputFile Inspect(string path)
    {
        if (OperatingSystem.IsLinux())
        {
            return InspectLinux(path);
        }

        // Elsewhere .NET tells files from folders only; the size limit still applies.
        if (Directory.Exists(path))
        {
            return new InputFile(path, FileKind.Directory, 0);
        }

        var file = new FileInfo(path);
        return file.Exists ? new InputFile(path, FileKind.Regular, file.Length) : new InputFile(path, FileKind.Missing, 0);
    }

    /// <summary>
    /// Why the file cannot be read as <paramref name="what"/> (e.g. "an application file"), or null when it can: it
    /// is a regular file of at most <paramref name="maxBytes"/>. A missing file is the caller's to word.
    /// </summary>
    public string? Refusal(string what, long? maxBytes = null) => Kind switch
    {
        FileKind.Regular when Length > maxBytes =>
            string.Create(CultureInfo.InvariantCulture, $"{Path} is {Length:N0} bytes; {what} may be at most {Size(maxBytes.Value)}. Is it the right file?"),
        FileKind.Regular or FileKind.Missing => null,
        FileKind.Directory => $"{Path} is a folder, not {what}.",
        _ => $"{Path} is {Describe(Kind)}, not {what}: only regular files are read, since reading one of these could wait forever or never end.",
    };

    private static string Describe(FileKind kind) => kind switch
    {
        FileKind.Fifo => "a named pipe (FIFO)",
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.Socket => "a socket",
        _ => "not a regular file",
    };

    private static string Size(long bytes) => bytes % (1 << 20) == 0
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes >> 20} MiB ({bytes:N0} bytes)")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes:N0} bytes");

    private static InputFile InspectLinux(string path)
    {
        // statx's buffer has the same layout on every Linux architecture, unlike struct stat.
        if (Statx(AtCurrentDirectory, path, 0, StatxType | StatxSize, out var status) != 0)
        {
            return new InputFile(path, FileKind.Missing, 0);
        }

        var kind = (status.Mode & FileTypeMask) switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Directory,
            0x1000 => FileKind.Fifo,
            0x2000 => FileKind.CharacterDevice,
            0x6000 => FileKind.BlockDevice,
            0xC000 => FileKind.Socket,
            _ => FileKind.Other,
        };
        return new InputFile(path, kind, kind == FileKind.Regular ? (long)status.Size : 0);
    }

    private const int AtCurrentDirectory = -100;
    private const uint StatxType = 0x1;
    private const uint StatxSize = 0x200;
    private const ushort FileTypeMask = 0xF000;

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int directory, string path, int flags, uint mask, out StatxBuffer buffer);

    /// <summary>The two fields of <c>struct statx</c> (256 bytes) read here.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    private struct StatxBuffer
    {
        [FieldOffset(28)]
        public ushort Mode;

        [FieldOffset(40)]
        public ulong Size;
    }
}

/// <summary>What a path names.</summary>
internal enum FileKind
{
    Missing,
    Regular,
    Directory,
    Fifo,
    CharacterDevice,
    BlockDevice,
    Socket,
    Other,
}
