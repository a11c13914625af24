using System.Text;

namespace Procurator.IO;

/// <summary>
/// Reads a file Procurator did not write (a manifest, a compose file, a cached assembly) only
/// when it is a regular file (a symlink to one is fine) of at most a given size. A FIFO would
/// block the open for ever, <c>/dev/zero</c> would fill memory: both are refused with an
/// <see cref="UnreadableFileException"/>, an <see cref="IOException"/>, before anything is read.
/// </summary>
internal static class BoundedFile
{
    /// <summary>The cap for text a user writes (scripts, manifests, compose and env files): far above any real one.</summary>
    public const long UserTextLimit = 16 * 1024 * 1024;

    /// <summary>The cap for assemblies (compiled scripts, <c>#r</c> references).</summary>
    public const long BinaryLimit = 256 * 1024 * 1024;

    public static string ReadAllText(string path, long limit = UserTextLimit) =>
        Encoding.UTF8.GetString(ReadAllBytes(path, limit));

    public static byte[] ReadAllBytes(string path, long limit = UserTextLimit)
    {
        if (FileStatus.Of(path) is { } status)
        {
            if (status.Kind != FileKind.Regular)
            {
                throw status.Kind == FileKind.Directory
                    ? new UnreadableFileException(path, "is a directory")
                    : new UnreadableFileException(path, $"is not a regular file (a {Describe(status.Kind)})");
            }

            if (status.Size > limit)
            {
                throw TooLarge(path, limit);
            }
        }

        // Read at most one byte past the limit: the file may grow, and stat is not everywhere.
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
        using var bytes = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, limit + 1 - bytes.Length))) > 0)
        {
            bytes.Write(buffer, 0, read);
            if (bytes.Length > limit)
            {
                throw TooLarge(path, limit);
            }
        }

        return bytes.ToArray();
    }

    /// <summary>True when <paramref name="path"/> is a regular file (or a link to one); false for FIFOs, devices, sockets, directories and missing files.</summary>
    public static bool IsRegularFile(string path) =>
        FileStatus.Of(path) is { } status ? status.Kind == FileKind.Regular : File.Exists(path);

    private static UnreadableFileException TooLarge(string path, long limit) =>
        new(path, $"is larger than {Size(limit)}, the limit for a file Procurator reads");

    private static string Size(long bytes) => bytes % (1024 * 1024) == 0 ? $"{bytes / (1024 * 1024)} MiB" : $"{bytes} bytes";

    private static string Describe(FileKind kind) => kind switch
    {
        FileKind.Fifo => "FIFO",
        FileKind.Socket => "socket",
        FileKind.SymbolicLink => "symbolic link",
        _ => "device",
    };
}
