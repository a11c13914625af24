using System.IO.Hashing;

namespace Procurator.Scripting;

/// <summary>
/// Content hashes for the compile cache: XXH128, as 32 hex digits. Not a cryptographic hash,
/// and it need not be one: it tells a changed file from an unchanged one in the user's own
/// cache, and SHA-256 would cost a warm run more (starting OpenSSL) than hashing everything.
/// </summary>
internal static class FileHash
{
    public static string Of(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(XxHash128.Hash(bytes));

    public static string? OfFile(string path)
    {
        try
        {
            return Of(File.ReadAllBytes(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
