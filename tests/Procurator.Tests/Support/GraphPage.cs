using Microsoft.Playwright;

namespace Procurator.Tests.Support;

/// <summary>
/// A graph html page open in chromium, with everything that would show it misbehaving
/// recorded: console errors, uncaught exceptions, and every request the page makes.
/// </summary>
internal sealed class GraphPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly List<string> _errors = [];
    private readonly List<string> _requests = [];

    private GraphPage(IBrowserContext context, IPage page, string url)
    {
        _context = context;
        Page = page;
        Url = url;
    }

    public IPage Page { get; }

    public string Url { get; }

    /// <summary>Opens <paramref name="htmlPath"/> by its file:// URL and waits until the script has drawn the graph.</summary>
    public static async Task<GraphPage> OpenAsync(IBrowser browser, string htmlPath)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 720 } });
        var page = await context.NewPageAsync();
        var graph = new GraphPage(context, page, new Uri(htmlPath).AbsoluteUri);
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                graph._errors.Add($"console {message.Type}: {message.Text}");
            }
        };
        page.PageError += (_, error) => graph._errors.Add($"page error: {error}");
        page.Request += (_, request) => graph._requests.Add(request.Url);
        await page.GotoAsync(graph.Url);
        await page.WaitForSelectorAsync("body[data-ready=true]", new PageWaitForSelectorOptions { Timeout = 10_000 });
        return graph;
    }

    public ILocator Node(string id) => Page.Locator($"#nodes .node[data-id=\"{id}\"]");

    /// <summary>Ids of the nodes that have <paramref name="cssClass"/>, in id order.</summary>
    public async Task<string[]> NodesWithClassAsync(string cssClass) =>
        (await Page.EvalOnSelectorAllAsync<string[]>($"#nodes .node.{cssClass}", "nodes => nodes.map(n => n.dataset.id)")).Order(StringComparer.Ordinal).ToArray();

    /// <summary>Edges (<c>source -&gt; target</c>) that have <paramref name="cssClass"/>, in order.</summary>
    public async Task<string[]> EdgesWithClassAsync(string cssClass) =>
        (await Page.EvalOnSelectorAllAsync<string[]>($"#edges .edge.{cssClass}", "edges => edges.map(e => e.dataset.source + ' -> ' + e.dataset.target)")).Order(StringComparer.Ordinal).ToArray();

    /// <summary>No console error or warning, no uncaught exception, and no request but the page's own.</summary>
    public void AssertQuiet()
    {
        Assert.Empty(_errors);
        Assert.Equal([Url], _requests);
    }

    public async ValueTask DisposeAsync() => await _context.CloseAsync();
}
