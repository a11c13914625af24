using System.ComponentModel;

namespace Procurator;

/// <summary>
/// Not an argument. It stands before the <c>[CallerFilePath]</c>/<c>[CallerLineNumber]</c>
/// parameters that record a DSL call's script line, so a stray extra argument is a
/// compile error instead of silently becoming a file name.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct CallerBarrier;
