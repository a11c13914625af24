namespace Procurator.Nix;

/// <summary>A token: its kind and where it is in the text (UTF-16 offsets).</summary>
internal readonly record struct NixToken(NixTokenKind Kind, int Start, int Length);
