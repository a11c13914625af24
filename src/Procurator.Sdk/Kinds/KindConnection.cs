namespace Procurator.Kinds;

/// <summary>
/// How a client connects to a kind of service, as templates over <c>{host}</c>, <c>{port}</c>,
/// <c>{user}</c>, <c>{database}</c> and <c>{url}</c> (templates, not functions: every run reads them).
/// </summary>
/// <param name="Url">The URL or connection string in the form the ecosystem expects; null when there is none.</param>
/// <param name="DefaultUser">The user a client is when the script names none; null when the kind has no users.</param>
/// <param name="DefaultDatabase">The database when the script names none; null when a client names none by default.</param>
/// <param name="TakesUser">True when <c>Service(...).User(...)</c> means something (the preset creates that user).</param>
/// <param name="TakesDatabase">True when <c>Service(...).Database(...)</c> means something (the preset creates it).</param>
/// <param name="ClientVariables">The kind's standard client variables (<c>PGHOST</c>, <c>NATS_URL</c>, …), so its own tools just work.</param>
internal sealed record KindConnection(
    string? Url,
    string? DefaultUser,
    string? DefaultDatabase,
    bool TakesUser,
    bool TakesDatabase,
    IReadOnlyList<ClientVariable> ClientVariables)
{
    /// <summary>A kind reached by host and port only.</summary>
    public static KindConnection Plain(string? url, params ClientVariable[] clientVariables) =>
        new(url, null, null, TakesUser: false, TakesDatabase: false, clientVariables);
}

/// <summary>A standard variable of a kind's clients, such as <c>PGHOST={host}</c>.</summary>
internal sealed record ClientVariable(string Name, string Template);
