using System.Security.Cryptography;

namespace Procurator.Scripting;

internal static class FileHash
{
    public static string Of(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

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
