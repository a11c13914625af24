using Microsoft.Playwright;
using Procurator.Tests.Support;
using Xunit.Abstractions;

namespace Procurator.Tests;

/// <summary>
/// The html graph page in a real headless chromium (Debian's, through Playwright): drawing,
/// highlighting, search, filters, pan and zoom, hostile text, and not one request leaving
/// the page. Every test ends by checking the page stayed quiet.
/// </summary>
public sealed class HtmlGraphBrowserTests(ChromiumFixture chromium, ITestOutputHelper output) : IClassFixture<ChromiumFixture>, IDisposable
{
    private readonly TempDirectory _dir = new("html");

    [RequiresToolFact("chromium")]
    public async Task Every_node_of_the_example_is_drawn_once()
    {
        await using var page = await OpenAsync(GraphWorkspaces.Microservices);

        var drawn = await page.Page.EvalOnSelectorAllAsync<string[]>("#nodes .node", "nodes => nodes.map(n => n.dataset.id)");

        Assert.Equal(
            ["process:api/web", "process:frontend/dev", "process:worker/jobs", "project:api", "project:frontend", "project:worker", "service:postgres", "service:redis"],
            drawn.Order(StringComparer.Ordinal));
        Assert.Equal(9, await page.Page.Locator("#edges .edge").CountAsync());
        Assert.Equal("postgres 15", await page.Node("service:postgres").Locator("text.label").TextContentAsync());
        page.AssertQuiet();
    }

    [RequiresToolFact("chromium")]
    public async Task Clicking_api_highlights_exactly_its_dependencies_and_dependents()
    {
        await using var page = await OpenAsync(GraphWorkspaces.Microservices);

        await page.Node("project:api").ClickAsync();

        Assert.Equal(["project:api"], await page.NodesWithClassAsync("selected"));
        Assert.Equal(["service:postgres", "service:redis"], await page.NodesWithClassAsync("dependency"));
        Assert.Equal(
            ["process:api/web", "process:frontend/dev", "process:worker/jobs", "project:frontend", "project:worker"],
            await page.NodesWithClassAsync("dependent"));
        Assert.Empty(await page.NodesWithClassAsync("dimmed"));
        Assert.Equal(["project:api -> service:postgres", "project:api -> service:redis"], await page.EdgesWithClassAsync("dependency"));
        Assert.Equal(
            ["process:api/web -> project:api", "process:frontend/dev -> project:frontend", "process:worker/jobs -> project:worker", "project:frontend -> project:api", "project:worker -> project:api"],
            await page.EdgesWithClassAsync("dependent"));
        Assert.Equal(["project:worker -> service:postgres", "project:worker -> service:redis"], await page.EdgesWithClassAsync("dimmed"));
        page.AssertQuiet();
    }

    [RequiresToolFact("chromium")]
    public async Task Clicking_a_leaf_dims_what_it_is_not_connected_to_and_clicking_again_clears()
    {
        await using var page = await OpenAsync(GraphWorkspaces.Microservices);

        await page.Node("project:frontend").ClickAsync();

        Assert.Equal(["project:api", "service:postgres", "service:redis"], await page.NodesWithClassAsync("dependency"));
        Assert.Equal(["process:frontend/dev"], await page.NodesWithClassAsync("dependent"));
        Assert.Equal(["process:api/web", "process:worker/jobs", "project:worker"], await page.NodesWithClassAsync("dimmed"));

        await page.Node("project:frontend").ClickAsync();

        Assert.Empty(await page.NodesWithClassAsync("selected"));
        Assert.Empty(await page.NodesWithClassAsync("dimmed"));
        Assert.True(await page.Page.Locator("#panel").IsHiddenAsync());
        page.AssertQuiet();
    }

    [RequiresToolFact("chromium")]
    public async Task The_side_panel_shows_ports_env_names_and_health_check_but_no_env_value()
    {
        await using var page = await OpenAsync(GraphWorkspaces.Microservices);

        await page.Node("project:api").ClickAsync();
        var panel = page.Page.Locator("#panel");

        Assert.True(await panel.IsVisibleAsync());
        Assert.Equal("api", await page.Page.Locator("#panel-title").TextContentAsync());
        var rows = await page.Page.EvalOnSelectorAllAsync<string[]>(
            "#panel-details dt", "terms => terms.map(t => t.textContent + ': ' + Array.from(t.nextElementSibling.querySelectorAll('li')).map(li => li.textContent).join(', '))");
        Assert.Equal(
            [
                "Description: Public HTTP API",
                "Path: ./services/api",
                "Ports: 8080",
                "Env: DATABASE_URL, REDIS_URL",
                "Health checks: http http://localhost:8080/health",
                "Processes: web",
                "Packages: nodejs_20",
                "Depends on (2 in all): postgres 15, redis 7",
                "Used by (5 in all): api/web, frontend, worker",
            ],
            rows);
        Assert.DoesNotContain("postgres://", await panel.InnerTextAsync(), StringComparison.Ordinal);

        await page.Node("service:postgres").ClickAsync();
        Assert.Equal("postgres 15", await page.Page.Locator("#panel-title").TextContentAsync());
        Assert.Contains("Version\n15", await page.Page.Locator("#panel-details").InnerTextAsync(), StringComparison.Ordinal);
        page.AssertQuiet();
    }

    [RequiresToolFact("chromium")]
    public async Task Search_box_finds_worker_and_centres_it()
    {
        await using var page = await OpenAsync(GraphWorkspaces.Microservices);

        await page.Page.Locator("#search").FillAsync("worker");

        Assert.Equal(["project:worker"], await page.NodesWithClassAsync("selected"));
        Assert.Equal(["process:worker/jobs", "project:worker"], await page.NodesWithClassAsync("match"));
        Assert.Equal("2 found", await page.Page.Locator("#search-status").TextContentAsync());
        // Centred in what the side panel leaves free.
        var node = (await page.Node("project:worker").BoundingBoxAsync())!;
        var svg = (await page.Page.Locator("#graph").BoundingBoxAsync())!;
        var panel = (await page.Page.Locator("#panel").BoundingBoxAsync())!;
        Assert.InRange(node.X + (node.Width / 2) - ((svg.X + panel.X) / 2), -2, 2);
        Assert.InRange(node.Y + (node.Height / 2) - (svg.Y + (svg.Height / 2)), -2, 2);

        await page.Page.Locator("#search").FillAsync("nothing-like-it");
        Assert.Equal("no match", await page.Page.Locator("#search-status").TextContentAsync());
        page.AssertQuiet();
    }

    [RequiresToolFact("chromium")]
    public async Task Unchecking_services_hides_them_and_their_edges()
    {
        await using var page = await OpenAsync(GraphWorkspaces.Microservices);

        await page.Page.Locator("#kind-service").UncheckAsync();

        Assert.False(await page.Node("service:postgres").IsVisibleAsync());
        Assert.False(await page.Node("service:redis").IsVisibleAsync());
        Assert.True(await page.Node("project:api").IsVisibleAsync());
        Assert.Equal(
            ["project:api -> service:postgres", "project:api -> service:redis", "project:worker -> service:postgres", "project:worker -> service:redis"],
            await page.EdgesWithClassAsync("hidden"));

        await page.Page.Locator("#kind-service").CheckAsync();
        Assert.True(await page.Node("service:postgres").IsVisibleAsync());
        Assert.Empty(await page.EdgesWithClassAsync("hidden"));
        page.AssertQuiet();
    }

    [RequiresToolFact("chromium")]
    public async Task Buttons_and_the_wheel_zoom_and_dragging_pans_without_selecting()
    {
        await using var page = await OpenAsync(GraphWorkspaces.Microservices);
        var transform = () => page.Page.Locator("#viewport").GetAttributeAsync("transform");
        var fitted = await transform();

        await page.Page.Locator("#zoom-in").ClickAsync();
        var zoomed = await transform();
        Assert.True(Scale(zoomed) > Scale(fitted), $"{zoomed} after zoom-in from {fitted}");

        await page.Page.Mouse.MoveAsync(640, 400);
        await page.Page.Mouse.WheelAsync(0, 300);
        Assert.True(Scale(await transform()) < Scale(zoomed), "a wheel turn down zooms out");

        var before = await page.Node("project:api").BoundingBoxAsync();
        var start = (await page.Node("project:api").BoundingBoxAsync())!;
        await page.Page.Mouse.MoveAsync(start.X + 10, start.Y + 10);
        await page.Page.Mouse.DownAsync();
        await page.Page.Mouse.MoveAsync(start.X + 110, start.Y + 60, new MouseMoveOptions { Steps = 5 });
        await page.Page.Mouse.UpAsync();
        var after = (await page.Node("project:api").BoundingBoxAsync())!;
        Assert.InRange(after.X - before!.X, 99, 101);
        Assert.InRange(after.Y - before.Y, 49, 51);
        Assert.Empty(await page.NodesWithClassAsync("selected"));

        await page.Page.Locator("#zoom-fit").ClickAsync();
        Assert.Equal(fitted, await transform());
        page.AssertQuiet();
    }

    [RequiresToolFact("chromium")]
    public async Task Hostile_names_are_shown_as_text_and_run_no_code()
    {
        await using var page = await OpenAsync(GraphWorkspaces.HostileNames);

        Assert.Equal(11, await page.Page.Locator("#nodes .node").CountAsync());
        Assert.Equal(0, await page.Page.Locator("img, iframe, object, embed").CountAsync());
        Assert.Equal(2, await page.Page.Locator("script").CountAsync());
        Assert.Null(await page.Page.EvaluateAsync<int?>("window.pwned"));
        Assert.Equal(
            "style 1.6 \"</script><img src=x onerror=window.pwned=1> (service:style)",
            await page.Node("service:style").Locator("title").TextContentAsync());
        Assert.Equal("node 7.2-ünï ☕", await page.Node("service:node").Locator("text.label").TextContentAsync());
        Assert.StartsWith("Quotes \" ' ` and </script><img src=x onerror=\"window.pwned=1\">", await page.Page.Locator("#workspace-description").TextContentAsync(), StringComparison.Ordinal);

        await page.Node("project:end").ClickAsync();
        var details = await page.Page.Locator("#panel-details").InnerTextAsync();
        Assert.Contains("\"quoted\" </script><script>window.pwned=1</script> <!-- comment", details, StringComparison.Ordinal);
        Assert.Contains("SECRET_TOKEN", details, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", await page.Page.ContentAsync(), StringComparison.Ordinal);
        Assert.Null(await page.Page.EvaluateAsync<int?>("window.pwned"));
        page.AssertQuiet();
    }

    /// <summary>
    /// A picture for people: the example with worker selected. Saved under TestResults/graph;
    /// with PROCURATOR_UPDATE_SCREENSHOT=1 also as docs/graph.png, the README's picture.
    /// </summary>
    [RequiresToolFact("chromium")]
    public async Task Screenshot_of_the_example_is_saved()
    {
        await using var page = await OpenAsync(GraphWorkspaces.Microservices);
        await page.Node("project:worker").ClickAsync();
        await page.Page.Locator("#zoom-fit").ClickAsync();
        var path = Path.Combine(RepositoryPaths.Root, "TestResults", "graph", "microservices.png");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);

        var png = await page.Page.ScreenshotAsync(new PageScreenshotOptions { Path = path });

        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        output.WriteLine($"screenshot: {path}");
        if (Environment.GetEnvironmentVariable("PROCURATOR_UPDATE_SCREENSHOT") == "1")
        {
            File.Copy(path, Path.Combine(RepositoryPaths.Root, "docs", "graph.png"), overwrite: true);
        }

        page.AssertQuiet();
    }

    public void Dispose() => _dir.Dispose();

    private async Task<GraphPage> OpenAsync(string workspace)
    {
        var html = await GraphWorkspaces.WriteAsync(workspace, "html", _dir.Path, $"{workspace}.html");
        return await GraphPage.OpenAsync(await chromium.BrowserAsync(), html);
    }

    /// <summary>k of <c>translate(x y) scale(k)</c>.</summary>
    private static double Scale(string? transform)
    {
        Assert.NotNull(transform);
        return double.Parse(transform[(transform.IndexOf("scale(", StringComparison.Ordinal) + 6)..^1], System.Globalization.CultureInfo.InvariantCulture);
    }
}
