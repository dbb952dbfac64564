namespace TrailSift.Testing;

/// <summary>A fact that needs headless chromium and playwright-core (<see cref="HtmlReportBrowser"/>); skipped with the reason when either is missing.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (HtmlReportBrowser.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
