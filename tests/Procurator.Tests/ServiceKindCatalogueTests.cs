using System.Text.RegularExpressions;
using Procurator.Ci;
using Procurator.Compose;
using Procurator.Kinds;
using Procurator.Model;
using Procurator.Rendering;
using Procurator.Supervisor.Planning.Presets;

namespace Procurator.Tests;

/// <summary>
/// The service kind catalogue is the one home of every kind fact: each entry is complete in
/// every column, and each layer answers from it (so a kind added there is known everywhere).
/// </summary>
public sealed partial class ServiceKindCatalogueTests
{
    public static TheoryData<string> Kinds() => new(ServiceKindCatalogue.All.Select(k => k.Name));

    [GeneratedRegex("^[a-z][a-z0-9-]*$")]
    private static partial Regex ValidName();

    // A nixpkgs attribute path, as Packages(...) accepts them: dotted identifiers.
    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_'-]*(\\.[A-Za-z_][A-Za-z0-9_'-]*)*$")]
    private static partial Regex AttributePath();

    [Fact]
    public void Kinds_are_sorted_and_unique_and_are_the_public_list() =>
        Assert.Equal(ServiceKindCatalogue.All.Select(k => k.Name).Distinct().Order(StringComparer.Ordinal), ServiceKinds.All);

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_kind_is_complete_in_every_column(string name)
    {
        var kind = ServiceKindCatalogue.Find(name)!;
        Assert.Matches(ValidName(), kind.Name);
        Assert.InRange(kind.DefaultPort, 1, 65535);
        foreach (var version in new[] { null, "1", "15", "8.4", "10.11.2", "latest" })
        {
            Assert.Matches(AttributePath(), kind.NixPackage(KindVersion.Parse(version)));
        }

        // A kind either has a container, or says why it cannot have one.
        Assert.True(kind.Container is null != kind.NoContainerBecause is null, $"{name}: give exactly one of Container and NoContainerBecause");
        if (kind.Container is { } container)
        {
            Assert.NotEmpty(container.DefaultTag);
            Assert.All(container.Env, e => Assert.False(string.IsNullOrWhiteSpace(e.Key)));
            // The container's own image must read back as this kind (compose import, discovery).
            Assert.Equal(name, ServiceKindMap.KindOf(ImageReference.TryParse(container.For(null))!));
        }

        Assert.NotEmpty(kind.ImageNames);
        Assert.All(kind.ImageNames, image => Assert.Equal(image.ToLowerInvariant(), image));
    }

    [Fact]
    public void An_image_name_belongs_to_one_kind()
    {
        var images = ServiceKindCatalogue.All.SelectMany(k => k.ImageNames).ToArray();
        Assert.Equal(images.Distinct(StringComparer.Ordinal).Count(), images.Length);
    }

    [Fact]
    public void The_supervisor_has_a_preset_for_exactly_the_kinds_flagged_local_preset()
    {
        Assert.All(ServicePresets.All, preset => Assert.NotNull(ServiceKindCatalogue.Find(preset.Kind)));
        Assert.Equal(ServiceKindCatalogue.WithLocalPreset, ServicePresets.All.Select(p => p.Kind).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_layer_answers_from_the_catalogue(string name)
    {
        var kind = ServiceKindCatalogue.Find(name)!;
        var service = new ServiceModel(name, name, "15", kind.DefaultPort, SortedMap<string>.Empty, null, Implicit: false);

        Assert.Equal(kind.DefaultPort, ServiceKinds.DefaultPort(name));
        Assert.Equal(kind.NixPackage(KindVersion.Parse("15")), ServicePackages.For(name, "15"));
        Assert.Equal(kind.Container?.For("15"), ServiceContainers.For(service)?.Image);
        Assert.All(kind.ImageNames, image => Assert.Equal(name, ServiceKindMap.KindOf(ImageReference.TryParse($"example.org/team/{image}:15")!)));
        Assert.Equal(kind.LocalPreset, ServicePresets.For(name) is not null);
    }
}
