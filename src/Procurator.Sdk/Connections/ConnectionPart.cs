namespace Procurator.Connections;

/// <summary>What a reference such as <c>${postgres.url}</c> names; the suffix of <c>&lt;DEP&gt;_&lt;PART&gt;</c>.</summary>
internal enum ConnectionPart
{
    Host,
    Port,
    Url,
    User,
    Database,
}
