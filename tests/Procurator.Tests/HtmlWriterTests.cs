using System.Text.RegularExpressions;
using Procurator.Tests.Support;

namespace Procurator.Tests;

/// <summary>The html page as text: self-contained, no way out of its script element, no env values.</summary>
public sealed partial class HtmlWriterTests
{
    [Theory]
    [InlineData(GraphWorkspaces.Microservices)]
    [InlineData(GraphWorkspaces.HostileNames)]
    public async Task Data_cannot_close_its_script_element(string workspace)
    {
        var html = await GraphWorkspaces.RenderAsync(workspace, "html");
        var data = DataElement().Match(html);

        Assert.True(data.Success, "the page embeds its data in <script type=\"application/json\">");
        Assert.DoesNotContain('<', data.Groups[1].Value);
        Assert.Equal(2, Regex.Count(html, "</script", RegexOptions.IgnoreCase));
        Assert.Equal(1, Regex.Count(html, "</style", RegexOptions.IgnoreCase));
        Assert.DoesNotContain("<!--", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_allows_no_request_and_names_nothing_outside_itself()
    {
        var html = await GraphWorkspaces.RenderAsync(GraphWorkspaces.Microservices, "html");
        var page = DataElement().Replace(html, string.Empty);

        Assert.Contains(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:\">",
            html,
            StringComparison.Ordinal);
        Assert.True(html.IndexOf("Content-Security-Policy", StringComparison.Ordinal) < html.IndexOf("<style>", StringComparison.Ordinal), "the policy comes before any style or script");
        Assert.Empty(ExternalReference().Matches(page).Select(m => m.Value));
        Assert.Equal(["http://www.w3.org/2000/svg"], Url().Matches(page).Select(m => m.Value).Distinct());
    }

    [Fact]
    public async Task Env_values_never_reach_the_page()
    {
        var example = await GraphWorkspaces.RenderAsync(GraphWorkspaces.Microservices, "html");
        var hostile = await GraphWorkspaces.RenderAsync(GraphWorkspaces.HostileNames, "html");

        Assert.Contains("\"DATABASE_URL\"", example, StringComparison.Ordinal);
        Assert.DoesNotContain("postgres://localhost:5432/shop", example, StringComparison.Ordinal);
        Assert.DoesNotContain("redis://localhost:6379/0", example, StringComparison.Ordinal);
        Assert.Contains("\"SECRET_TOKEN\"", hostile, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", hostile, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Graph_writes_the_page_to_a_file_with_o()
    {
        using var dir = new TempDirectory();
        dir.CopyFrom(GraphWorkspaces.InputOf(GraphWorkspaces.Microservices));

        var run = await CliRun.InAsync(dir.Path, "graph", "--format", "html", "-o", "out/graph.html");

        Assert.Equal((0, "wrote out/graph.html\n", ""), (run.ExitCode, run.Stdout, run.Stderr));
        Assert.Equal(await GraphWorkspaces.RenderAsync(GraphWorkspaces.Microservices, "html"), File.ReadAllText(dir.Combine("out", "graph.html")));
    }

    [Fact]
    public async Task An_unknown_format_is_a_usage_error_that_lists_html()
    {
        var run = await CliRun.InAsync(GraphWorkspaces.InputOf(GraphWorkspaces.Microservices), "graph", "--format", "svg");

        Assert.Equal(64, run.ExitCode);
        Assert.Contains("'html'", run.Stderr, StringComparison.Ordinal);
    }

    [GeneratedRegex("<script type=\"application/json\" id=\"graph-data\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex DataElement();

    /// <summary>Anything that could make the browser fetch: src/href attributes, url() other than a marker reference, @import.</summary>
    [GeneratedRegex("""\b(src|href|action|srcset)\s*=|url\((?!#)|@import""", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalReference();

    [GeneratedRegex("""https?://[^"'\s)]+""")]
    private static partial Regex Url();
}
