using System.IO.Hashing;

namespace Procurator.Scripting;

/// <summary>
/// Content hashes for the compile cache: XXH64, as 16 hex digits. Not a cryptographic hash,
/// and it need not be one: it tells a changed file from an unchanged one in the user's own
/// cache (an accidental collision is about one in 10^19). SHA-256 would cost a warm run more,
/// starting OpenSSL, than all the hashing; XXH64, not XXH128 (see "Warm runs" in docs/ARCHITECTURE.md).
/// </summary>
internal static class FileHash
{
    public static string Of(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(XxHash64.Hash(bytes));

    public static string? OfFile(string path)
    {
        try
        {
            return Of(IO.BoundedFile.ReadAllBytes(path, IO.BoundedFile.BinaryLimit));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
