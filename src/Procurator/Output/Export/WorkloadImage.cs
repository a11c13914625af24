using Procurator.Model;

namespace Procurator.Output.Export;

/// <summary>The image a project is deployed from, and whether the master flake builds it.</summary>
/// <param name="Reference">The image reference a manifest names (<c>registry/api:1.4</c>, <c>shop/api:nix</c>).</param>
/// <param name="BuiltByFlake">True when it is <c>packages.&lt;system&gt;.&lt;project&gt;-image</c> of the master flake.</param>
internal sealed record WorkloadImage(string Reference, bool BuiltByFlake)
{
    /// <summary>The tag of every image the master flake builds: fixed, so exports are deterministic; retag when pushing.</summary>
    public const string FlakeTag = "nix";

    /// <summary>The master flake's package that builds <paramref name="project"/>'s image.</summary>
    public static string FlakePackage(string project) => $"{project}-image";

    /// <summary>The repository (name without tag) of the flake-built image of <paramref name="project"/>.</summary>
    public static string FlakeRepository(string workspace, string project) => $"{ExportNames.Label(workspace)}/{project}";

    /// <summary>
    /// <c>.Image(...)</c> when the script names one, else the master flake's image when the project
    /// has a flake to build it from; null when it has neither (the export refuses it, PRO092).
    /// </summary>
    public static WorkloadImage? For(WorkspaceModel model, ProjectModel project) => project switch
    {
        { Image: { } image } => new(image, BuiltByFlake: false),
        { FlakeInput: not null } => new($"{FlakeRepository(model.Name, project.Name)}:{FlakeTag}", BuiltByFlake: true),
        _ => null,
    };

    /// <summary>What PRO092 says of a project with no image source.</summary>
    public static string NoImageMessage(ProjectModel project) =>
        $"project '{project.Name}' has no image to deploy: name one with .Image(\"registry.example.com/{project.Name}:1.0\"), " +
        $"or give its folder ({project.Path}) a flake.nix for the master flake to build packages.<system>.{FlakePackage(project.Name)} from";
}
