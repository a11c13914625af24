using Microsoft.Playwright;

namespace Procurator.Tests.Support;

/// <summary>
/// One headless Debian chromium per test class, driven by Playwright and started on first use,
/// so a class whose tests are all skipped starts nothing. Playwright's own browser builds are
/// never downloaded: the browser is <c>/usr/bin/chromium</c> (Debian <c>chromium</c>).
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    private static readonly string[] Arguments =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ];

    private readonly SemaphoreSlim _gate = new(1, 1);
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public static string ExecutablePath => NixCli.FindExecutable("chromium") ?? "/usr/bin/chromium";

    public async Task<IBrowser> BrowserAsync()
    {
        await _gate.WaitAsync();
        try
        {
            _playwright ??= await Playwright.CreateAsync();
            _browser ??= await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                Args = Arguments,
            });
            return _browser;
        }
        finally
        {
            _gate.Release();
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        _gate.Dispose();
    }
}
