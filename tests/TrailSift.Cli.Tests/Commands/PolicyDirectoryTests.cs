using TrailSift.Testing;

namespace TrailSift.Cli.Tests.Commands;

/// <summary><c>policy --per-principal DIR</c> with an unusable directory or an over-long principal name (issue #12):
/// a one-line error and exit 2, or a shortened file name recorded in index.tsv — never a crash.</summary>
public sealed class PolicyDirectoryTests
{
    private static string Events(string role) => new EventBuilder("s3.amazonaws.com", "ListBuckets").AsRole(role).Json() + "\n";

    [Fact]
    public void Should_Exit_2_With_One_Line_When_The_Directory_Is_A_Regular_File()
    {
        // Given
        using var tree = new TempTree();
        string file = Path.Combine(tree.Root, "policies");
        File.WriteAllText(file, "not a directory");

        // When
        var r = CliRunner.Run(["policy", "--per-principal", file], stdin: Events("Builder"));

        // Then
        Assert.Equal(2, r.ExitCode);
        Assert.Equal($"trailsift: {file}: not a directory\n", r.Stderr);
        Assert.Equal(string.Empty, r.Stdout);
        Assert.Equal("not a directory", File.ReadAllText(file));
    }

    [Fact]
    public void Should_Exit_2_With_One_Line_When_A_Parent_Is_A_Regular_File()
    {
        // Given
        using var tree = new TempTree();
        string file = Path.Combine(tree.Root, "plain");
        File.WriteAllText(file, "x");
        string dir = Path.Combine(file, "policies");

        // When
        var r = CliRunner.Run(["policy", "--per-principal", dir], stdin: Events("Builder"));

        // Then
        Assert.Equal(2, r.ExitCode);
        Assert.Equal($"trailsift: {dir}: a parent directory is missing or is not a directory\n", r.Stderr);
    }

    [Fact]
    public void Should_Exit_2_With_One_Line_When_The_Directory_Is_Not_Writable()
    {
        // Given: /proc refuses new files even to root (tests here may run as root, where chmod does not bite)
        string dir = "/proc/self";

        // When
        var r = CliRunner.Run(["policy", "--per-principal", dir], stdin: Events("Builder"));

        // Then
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("trailsift: /proc/self: not writable (cannot create a file in it)\n", r.Stderr);
    }

    [Fact]
    public void Should_Write_A_Shortened_File_Named_In_The_Index_When_A_Principal_Name_Is_Too_Long_For_A_File_Name()
    {
        // Given: a role name of 300 characters (IAM allows 64, but the log is not trusted)
        using var tree = new TempTree();
        string role = new('r', 300);
        string dir = Path.Combine(tree.Root, "out");

        // When
        var r = CliRunner.Run(["policy", "--per-principal", dir, "--explain"], stdin: Events(role));

        // Then
        Assert.Equal(0, r.ExitCode);
        string[] row = File.ReadAllLines(Path.Combine(dir, "index.tsv"))[1].Split('\t');
        string file = row[0];
        Assert.EndsWith(".json", file, StringComparison.Ordinal);
        Assert.True(file.Length <= 255, file);
        Assert.StartsWith("123456789012_role_rrrr", file, StringComparison.Ordinal);
        Assert.Matches("_[0-9a-f]{16}\\.json$", file);
        Assert.Equal($"arn:aws:iam::123456789012:role/{role}", row[1]);
        Assert.True(File.Exists(Path.Combine(dir, file)));
        Assert.True(File.Exists(Path.Combine(dir, Path.GetFileNameWithoutExtension(file) + ".explain.txt")));
    }

    [Fact]
    public void Should_Keep_Two_Long_Principals_Apart_When_They_Share_The_Kept_Prefix()
    {
        // Given
        using var tree = new TempTree();
        string dir = Path.Combine(tree.Root, "out");
        string events = Events(new string('r', 300) + "a") + Events(new string('r', 300) + "b");

        // When
        var r = CliRunner.Run(["policy", "--per-principal", dir], stdin: events);

        // Then
        Assert.Equal(0, r.ExitCode);
        string[] files = [.. File.ReadAllLines(Path.Combine(dir, "index.tsv")).Skip(1).Select(l => l.Split('\t')[0])];
        Assert.Equal(2, files.Length);
        Assert.NotEqual(files[0], files[1]);
        Assert.All(files, f => Assert.True(File.Exists(Path.Combine(dir, f)), f));
    }
}
