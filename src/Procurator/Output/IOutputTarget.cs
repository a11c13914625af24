using Procurator.Diagnostics;

namespace Procurator.Output;

/// <summary>
/// One kind of generated output (the master flake, <c>procurator.json</c>, a CI workflow, …):
/// it renders the resolved model to files and says, for each, how to check that it parses and how
/// to recognise it as Procurator's. It writes nothing: every command takes the rendered files
/// through one path (<see cref="OutputSet"/>: parse, refuse foreign files, compare, write).
/// A new target is a folder under <c>Output/Targets/</c> and a line in <see cref="OutputTargets"/>.
/// </summary>
internal interface IOutputTarget
{
    /// <summary>Short name, used for <c>-v</c> timings (<c>render flake</c>).</summary>
    string Name { get; }

    /// <summary>What stops this target before it renders (a setting the script lacks), as located diagnostics; warnings are printed and do not stop it.</summary>
    IReadOnlyList<Diagnostic> Problems(OutputContext context) => [];

    /// <summary>The files, in the order they are named to the user; may throw <see cref="Rendering.RenderingException"/> for a broken template.</summary>
    IReadOnlyList<OutputFile> Render(OutputContext context);
}
