using System.Runtime.CompilerServices;
using Procurator.Model;

namespace Procurator;

// What `procurator export` needs beyond one machine: the image a project runs from, how many
// copies, and what each may use. None of it changes `run` or `up`.
public sealed partial class ProjectBuilder
{
    /// <summary>As written: a bad reference is reported, at its line, by validation rather than thrown.</summary>
    internal Located<string>? ImageSetting { get; private set; }

    internal Located<int>? ReplicasSetting { get; private set; }

    internal Located<ResourceRequest>? ResourcesSetting { get; private set; }

    /// <summary>
    /// Names the container image <c>procurator export</c> deploys the project from. Without it, the
    /// export uses the image the master flake builds from the project's flake
    /// (<c>packages.&lt;system&gt;.&lt;project&gt;-image</c>).
    /// </summary>
    /// <example><code>Project("api").Image("registry.example.com/shop/api:1.4");</code></example>
    public ProjectBuilder Image(string reference, CallerBarrier _ = default, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ImageSetting = new(reference, new ScriptSite(file, line, nameof(Image)));
        return this;
    }

    /// <summary>How many copies of the project an export runs (a Deployment's replicas; 1 by default).</summary>
    /// <example><code>Project("api").Replicas(3);</code></example>
    public ProjectBuilder Replicas(int count, CallerBarrier _ = default, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        ReplicasSetting = new(count, new ScriptSite(file, line, nameof(Replicas)));
        return this;
    }

    /// <summary>
    /// What each copy of the project asks for in an export, as Kubernetes quantities: CPU
    /// (<c>"250m"</c>, <c>"1"</c>) is requested, memory (<c>"256Mi"</c>, <c>"1Gi"</c>) is requested and
    /// also the limit, as running out of memory cannot be throttled. Either may be left out.
    /// </summary>
    /// <example><code>Project("api").Resources(cpu: "250m", memory: "256Mi");</code></example>
    public ProjectBuilder Resources(string? cpu = null, string? memory = null, CallerBarrier _ = default,
        [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        ResourcesSetting = new(new ResourceRequest(cpu, memory), new ScriptSite(file, line, nameof(Resources)));
        return this;
    }
}
