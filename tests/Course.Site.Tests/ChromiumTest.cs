using Microsoft.Playwright;
using Microsoft.Playwright.Xunit.v3;

namespace Course.Site.Tests;

/// <summary>
/// Playwright's xUnit base driving the distribution's Chromium (no browser download): /usr/bin/chromium, or the
/// path in COURSE_CHROMIUM. Without it every test skips with the install line.
/// </summary>
public abstract class ChromiumTest : BrowserTest
{
    public const string SkipReason = "needs chromium: apt-get install -y chromium";

    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable("COURSE_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public override async ValueTask InitializeAsync()
    {
        if (!File.Exists(ExecutablePath)) Assert.Skip(SkipReason);
        await base.InitializeAsync();
    }

    public override Task<BrowserTypeLaunchOptions?> LaunchOptionsAsync() => Task.FromResult<BrowserTypeLaunchOptions?>(new()
    {
        ExecutablePath = ExecutablePath,
        Headless = true,
        Args = ["--disable-gpu", "--disable-dev-shm-usage"],
    });

    /// <summary>A fresh page in its own context (1280×900, Japanese locale).</summary>
    protected async Task<IPage> NewPageAsync()
    {
        var context = await NewContext(new BrowserNewContextOptions { ViewportSize = new() { Width = 1280, Height = 900 }, Locale = "ja-JP" });
        return await context.NewPageAsync();
    }

    /// <summary>Where screenshots go: bin/…/artifacts/site/ next to the test binaries.</summary>
    protected static string ArtifactsFolder()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "artifacts", "site");
        Directory.CreateDirectory(folder);
        return folder;
    }
}
