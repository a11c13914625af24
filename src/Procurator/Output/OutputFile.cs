using Procurator.Rendering;

namespace Procurator.Output;

/// <summary>One rendered file, not yet written.</summary>
/// <param name="Path">Where it goes: a full path.</param>
/// <param name="Content">Its text, written as UTF-8 without a byte order mark.</param>
/// <param name="Label">What a parse error calls it (<c>generated flake.nix does not parse as Nix …</c>).</param>
/// <param name="Syntax">How it is checked to parse before anything is written.</param>
/// <param name="Mark">How a file already at <paramref name="Path"/> is recognised as Procurator's, and so may be replaced.</param>
internal sealed record OutputFile(string Path, string Content, string Label, FileSyntax Syntax, GeneratedMark Mark);
