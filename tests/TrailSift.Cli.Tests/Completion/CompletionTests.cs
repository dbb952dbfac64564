using System.Diagnostics;
using TrailSift.Testing;

namespace TrailSift.Cli.Tests.Completion;

/// <summary>Completion scripts and the man page: golden files, and the bash script run by a real bash.</summary>
public sealed class CompletionTests
{
    [Theory]
    [InlineData("bash")]
    [InlineData("zsh")]
    [InlineData("fish")]
    [InlineData("pwsh")]
    public void Should_Match_Golden_Script_When_Asked_For_A_Shell(string shell)
    {
        var r = CliRunner.Run(["completion", shell]);

        Assert.Equal(0, r.ExitCode);
        Golden.Verify("Completion", shell, r.Stdout);
    }

    [Fact]
    public void Should_Match_The_Committed_Man_Page()
    {
        // The page ships as docs/trailsift.1; TRAILSIFT_ACCEPT=1 regenerates it.
        var r = CliRunner.Run(["completion", "--man"]);
        string committed = Path.Combine(RepoPaths.Root, "docs", "trailsift.1");
        string page = r.Stdout.Replace(App.Version, "VERSION", StringComparison.Ordinal);
        if (Environment.GetEnvironmentVariable("TRAILSIFT_ACCEPT") == "1")
        {
            File.WriteAllText(committed, page);
        }

        Assert.Equal(0, r.ExitCode);
        Assert.Equal(File.ReadAllText(committed), page);
        if (File.Exists("/usr/bin/groff"))
        {
            // groff is the oracle for the troff: no warning with every warning on.
            var psi = new ProcessStartInfo("/usr/bin/groff", ["-man", "-Tutf8", "-ww", "-z", committed]) { RedirectStandardError = true };
            using Process groff = Process.Start(psi)!;
            string warnings = groff.StandardError.ReadToEnd();
            groff.WaitForExit();
            Assert.Equal(string.Empty, warnings);
        }
        foreach (TrailSift.Cli.Commands.ICommand c in App.Commands)
        {
            Assert.Contains($".SH \"{c.Name.ToUpperInvariant()}\"", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Should_List_Catalog_Words_For_Event_And_Source()
    {
        string events = CliRunner.Run(["completion", "--list", "events"]).Stdout;
        string services = CliRunner.Run(["completion", "--list", "services"]).Stdout;

        Assert.Contains("\nRunInstances\n", events, StringComparison.Ordinal);
        Assert.Contains("\nCreateQueue\n", events, StringComparison.Ordinal);
        Assert.Contains("\nsqs\n", services, StringComparison.Ordinal);
        Assert.Equal(2, CliRunner.Run(["completion", "tcsh"]).ExitCode);
    }

    [Theory]
    [InlineData("trailsift de", "denied")]
    [InlineData("trailsift query --fo", "--follow --format")]
    [InlineData("trailsift count --format t", "table tsv")]
    [InlineData("trailsift denied -f ", "text ndjson json")]
    [InlineData("trailsift query --color a", "auto always")]
    [InlineData("trailsift simulate --res", "--resource --resource-policy")]
    public void Should_Complete_Like_This_When_Bash_Runs_The_Script(string line, string expected)
    {
        if (!File.Exists("/bin/bash"))
        {
            return; // bash is the oracle; without it the golden files still cover the script
        }

        // Given the script loaded into a real bash and the words of a partly typed command line
        using var tree = new TempTree();
        string script = tree.Write("trailsift.bash", CliRunner.Run(["completion", "bash"]).Stdout);
        string[] words = line.Split(' ');
        string array = string.Join(' ', words.Select(w => "'" + w + "'"));
        string program = $"source '{script}'; COMP_WORDS=({array}); COMP_CWORD={words.Length - 1}; _trailsift; echo \"${{COMPREPLY[*]}}\"";

        // When
        var psi = new ProcessStartInfo("/bin/bash", ["--norc", "-c", program]) { RedirectStandardOutput = true, WorkingDirectory = tree.Root };
        using Process bash = Process.Start(psi)!;
        string output = bash.StandardOutput.ReadToEnd().Trim();
        bash.WaitForExit();

        // Then
        Assert.Equal(expected, output);
    }
}
