namespace Procurator.Discovery;

/// <summary>
/// One fluent call of a starter script (<c>.Env("K", "v")</c>) and an optional comment to end
/// its line with. Kept apart so the comment is placed after the statement's <c>;</c>: it was
/// once found again by searching the line for <c>; //</c>, which a value may hold too.
/// </summary>
internal sealed record StarterCall(string Code, string? Comment = null)
{
    public static implicit operator StarterCall(string code) => new(code);
}
