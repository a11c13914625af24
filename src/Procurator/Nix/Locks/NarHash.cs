using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Procurator.Nix.Locks;

/// <summary>
/// The <c>narHash</c> Nix records for a <c>path:</c> input: the SHA-256 of the folder's NAR
/// serialisation, as an SRI string (<c>sha256-…</c>). Computed here so that <c>procurator run</c>
/// can tell a stale <c>flake.lock</c> without starting Nix. The NAR format is Nix's own: every
/// string is its little-endian 64-bit length, its bytes and zero padding to 8 bytes; a folder lists
/// its entries sorted by name (bytes, ordinal); a file says whether it is executable.
/// </summary>
internal static class NarHash
{
    /// <summary>The hash of <paramref name="directory"/>; <paramref name="include"/> (a path relative to it, <c>/</c>-separated) filters files as Nix's git fetcher does.</summary>
    public static string Of(string directory, Func<string, bool>? include = null)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var nar = new NarStream(hash);
        nar.Str("nix-archive-1");
        nar.Directory(directory, "", include);
        return "sha256-" + Convert.ToBase64String(hash.GetHashAndReset());
    }

    private sealed class NarStream(IncrementalHash hash)
    {
        private static readonly byte[] Padding = new byte[8];
        private readonly byte[] _length = new byte[8];
        private readonly byte[] _buffer = new byte[1 << 16];

        public void Str(string text) => Bytes(Encoding.UTF8.GetBytes(text));

        public void Bytes(ReadOnlySpan<byte> bytes)
        {
            Length(bytes.Length);
            hash.AppendData(bytes);
            Pad(bytes.Length);
        }

        public void Directory(string path, string relative, Func<string, bool>? include)
        {
            Str("(");
            Str("type");
            Str("directory");
            var entries = new DirectoryInfo(path).EnumerateFileSystemInfos()
                .Select(e => (Info: e, Name: Encoding.UTF8.GetBytes(e.Name)))
                .OrderBy(e => e.Name, ByteOrder.Instance);
            foreach (var (info, name) in entries)
            {
                var child = relative.Length == 0 ? info.Name : $"{relative}/{info.Name}";
                if (include is not null && !include(child) && !(info is DirectoryInfo && include(child + "/")))
                {
                    continue;
                }

                Str("entry");
                Str("(");
                Str("name");
                Bytes(name);
                Str("node");
                Node(info, child, include);
                Str(")");
            }

            Str(")");
        }

        private void Node(FileSystemInfo info, string relative, Func<string, bool>? include)
        {
            if (info.LinkTarget is { } target)
            {
                Str("(");
                Str("type");
                Str("symlink");
                Str("target");
                Str(target);
                Str(")");
            }
            else if (info is DirectoryInfo)
            {
                Directory(info.FullName, relative, include);
            }
            else
            {
                File((FileInfo)info);
            }
        }

        private void File(FileInfo file)
        {
            Str("(");
            Str("type");
            Str("regular");
            if (!OperatingSystem.IsWindows() && (file.UnixFileMode & UnixFileMode.UserExecute) != 0)
            {
                Str("executable");
                Str("");
            }

            Str("contents");
            using var stream = file.OpenRead();
            var size = stream.Length;
            Length(size);
            int read;
            while ((read = stream.Read(_buffer)) > 0)
            {
                hash.AppendData(_buffer, 0, read);
            }

            Pad(size);
            Str(")");
        }

        private void Length(long length)
        {
            BinaryPrimitives.WriteInt64LittleEndian(_length, length);
            hash.AppendData(_length);
        }

        private void Pad(long length)
        {
            var pad = (int)((8 - (length % 8)) % 8);
            hash.AppendData(Padding, 0, pad);
        }
    }

    private sealed class ByteOrder : IComparer<byte[]>
    {
        public static readonly ByteOrder Instance = new();

        public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
    }
}
