namespace Procurator.IO;

/// <summary>The type of a file, as <c>stat</c> reports it.</summary>
internal enum FileKind
{
    Regular,
    Directory,
    SymbolicLink,
    Fifo,
    Socket,
    Device,
}
