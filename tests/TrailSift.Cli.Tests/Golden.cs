using TrailSift.Testing;

namespace TrailSift.Cli.Tests;

/// <summary>
/// Golden files for human-facing output: <c>Expectations/&lt;Area&gt;/&lt;Case&gt;.verified.txt</c>. A mismatch fails and
/// writes <c>.received.txt</c> beside it; set TRAILSIFT_ACCEPT=1 to accept all received output after review.
/// </summary>
internal static class Golden
{
    public static void Verify(string area, string name, string actual)
    {
        string dir = Path.Combine(RepoPaths.Root, "tests", "TrailSift.Cli.Tests", "Expectations", area);
        string verified = Path.Combine(dir, name + ".verified.txt");
        string received = Path.Combine(dir, name + ".received.txt");
        actual = actual.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (Environment.GetEnvironmentVariable("TRAILSIFT_ACCEPT") == "1")
        {
            Directory.CreateDirectory(dir);
            File.WriteAllText(verified, actual);
            File.Delete(received);
            return;
        }

        string expected = File.Exists(verified) ? File.ReadAllText(verified) : "<missing golden file " + verified + ">";
        if (expected != actual)
        {
            Directory.CreateDirectory(dir);
            File.WriteAllText(received, actual);
            Assert.Fail($"Output differs from {verified}; see {received} (TRAILSIFT_ACCEPT=1 accepts).\n--- expected\n{expected}\n--- actual\n{actual}");
        }

        File.Delete(received);
    }
}
