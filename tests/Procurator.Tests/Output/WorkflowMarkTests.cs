using Procurator.Tests.Support;

namespace Procurator.Tests.Output;

/// <summary>A target's file is recognised by its own mark: a workflow written to a <c>.json</c> path is still Procurator's.</summary>
public sealed class WorkflowMarkTests
{
    [Fact]
    public async Task A_workflow_written_under_a_json_name_is_replaced_by_the_next_run()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(dir.Combine(".git"));
        dir.Write("procurator.csx", "Project(\"api\").DependsOn(\"postgres\").Port(8080);\nWorkspace.ProcuratorFlake(\"github:my-org/procurator?dir=nix/package\");\n");

        var first = await CliRun.InAsync(dir.Path, "ci", "github", "-o", "ci.json");
        var second = await CliRun.InAsync(dir.Path, "ci", "github", "-o", "ci.json");

        Assert.Equal((0, "wrote ci.json\n", ""), (first.ExitCode, first.Stdout, first.Stderr));
        Assert.Equal((0, "wrote ci.json\n", ""), (second.ExitCode, second.Stdout, second.Stderr));
    }
}
