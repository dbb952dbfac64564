using TrailSift.Testing;

namespace TrailSift.Cli.Tests.Settings;

/// <summary>Command-line behaviour end to end: time windows, colour, response files, help width.</summary>
public sealed class CommandLineTests
{
    private static string Sample => Path.Combine(RepoPaths.Samples, "emr-launch");

    [Fact]
    public void Should_Refuse_Without_Crashing_When_Since_Is_Out_Of_Range()
    {
        var r = CliRunner.Run(["query", "--since", "99999999d", Sample]);

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--since: cannot read '99999999d'", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Refuse_When_Since_Is_After_Until()
    {
        var r = CliRunner.Run(["count", "--since", "2025-06-04", "--until", "2025-06-03", Sample]);

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--since (2025-06-04T00:00:00Z) is after --until (2025-06-03T00:00:00Z)", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Count_The_Same_When_The_Window_Is_Written_In_Other_Forms()
    {
        string iso = CliRunner.Run(["count", "--since", "2025-06-03T09:00:00Z", "--until", "2025-06-03T10:00:00Z", Sample]).Stdout;
        string epoch = CliRunner.Run(["count", "--since", "1748941200", "--until", "1748944800", Sample]).Stdout;
        string offset = CliRunner.Run(["count", "--since", "2025-06-03T11:00:00+02:00", "--until", "2025-06-03T12:00+02:00", Sample]).Stdout;

        Assert.NotEqual("0\n", iso);
        Assert.Equal(iso, epoch);
        Assert.Equal(iso, offset);
    }

    [Fact]
    public void Should_Colour_Only_When_Asked_Or_On_A_Terminal()
    {
        string[] denied = ["denied", "--format", "text", Sample];

        Assert.DoesNotContain("\u001b[", CliRunner.Run(denied, noColor: false).Stdout, StringComparison.Ordinal);
        Assert.Contains("\u001b[1m", CliRunner.Run([.. denied, "--color", "always"], noColor: true).Stdout, StringComparison.Ordinal);
        Assert.Contains("\u001b[1m", CliRunner.Run(denied, terminal: true, noColor: false).Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", CliRunner.Run([.. denied, "--color", "never"], terminal: true, noColor: false).Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", CliRunner.Run([.. denied, "--color", "auto"], terminal: true, noColor: true).Stdout, StringComparison.Ordinal);
        Assert.Equal(2, CliRunner.Run([.. denied, "--color", "sometimes"]).ExitCode);
    }

    [Fact]
    public void Should_Read_Arguments_From_A_Response_File()
    {
        using var tree = new TempTree();
        string rsp = tree.Write("args.rsp", "# the EMR role's denials\n--principal \"EMR_DefaultRole_Restricted\"\n--denied\n" + Sample + "\n");

        var viaFile = CliRunner.Run(["count", "@" + rsp]);
        var direct = CliRunner.Run(["count", "--principal", "EMR_DefaultRole_Restricted", "--denied", Sample]);

        Assert.Equal(0, viaFile.ExitCode);
        Assert.Equal(direct.Stdout, viaFile.Stdout);
        Assert.Equal(2, CliRunner.Run(["count", "@" + Path.Combine(tree.Root, "missing.rsp")]).ExitCode);
    }

    [Fact]
    public void Should_Read_With_Any_Io_Concurrency()
    {
        string one = CliRunner.Run(["count", "--by", ".eventName", "--io", "1", Sample]).Stdout;
        string many = CliRunner.Run(["count", "--by", ".eventName", "--io", "64", Sample]).Stdout;

        Assert.Equal(one, many);
        Assert.Equal(2, CliRunner.Run(["count", "--io", "0", Sample]).ExitCode);
    }

    [Fact]
    public void Should_Keep_Every_Help_Line_Within_100_Columns()
    {
        foreach (string[] args in App.Commands.Select(c => new[] { c.Name, "--help" }).Append(["--help"]))
        {
            var r = CliRunner.Run(args);
            Assert.All(r.Stdout.Split('\n'), line => Assert.True(line.Length <= 100, $"{string.Join(' ', args)}: {line.Length}: {line}"));
        }
    }
}
