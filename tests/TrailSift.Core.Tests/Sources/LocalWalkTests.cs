using System.Net.Sockets;
using TrailSift.Core.Sources;
using TrailSift.Core.Sources.Local;
using TrailSift.Testing;

namespace TrailSift.Core.Tests.Sources;

/// <summary>The local walker skips what cannot be a log file and does not loop (issue #12).</summary>
public sealed class LocalWalkTests
{
    private static List<string> Walk(string root, bool follow, List<(string Path, string Reason)>? problems = null)
    {
        var finder = new LocalSourceFinder(PruneOptions.None, (p, r) => problems?.Add((p, r))) { FollowLinks = follow };
        return finder.Find([root]).Objects.Select(o => Path.GetRelativePath(root, o.Path).Replace('\\', '/')).ToList();
    }

    [UnixFact]
    public void Should_Skip_A_Socket_While_Walking()
    {
        // Given a socket file among the logs
        using var tree = new TempTree();
        tree.Write("logs/a.json", "{}");
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(Path.Combine(tree.Root, "logs", "b.sock.json")));

        // When
        var problems = new List<(string, string)>();
        List<string> found = Walk(tree.Root, follow: false, problems);

        // Then only the regular file is listed, and the socket is no problem
        Assert.Equal(["logs/a.json"], found);
        Assert.Empty(problems);
    }

    [UnixFact("/usr/bin/mkfifo")]
    public void Should_Skip_A_Fifo_While_Walking_But_Read_One_Named_Explicitly()
    {
        // Given a FIFO named like a log (reading it while walking would block forever: no writer)
        using var tree = new TempTree();
        tree.Write("logs/a.json", "{}");
        string fifo = Path.Combine(tree.Root, "logs", "pipe.json");
        using (var mk = System.Diagnostics.Process.Start("/usr/bin/mkfifo", [fifo]))
        {
            mk.WaitForExit();
        }

        // When
        List<string> walked = Walk(tree.Root, follow: false);
        var scope = new SourceScope(PruneOptions.None, (_, _) => { });
        List<LogObject> named = new LocalFileSource().List(fifo, scope).ToList();

        // Then
        Assert.Equal(["logs/a.json"], walked);
        Assert.Equal(FileKind.Special, FileIdentity.Of(fifo).Kind);
        LogObject one = Assert.Single(named);
        Assert.False(one.CanReadTwice);
    }

    [Fact]
    public void Should_Not_Follow_A_Directory_Link_By_Default_And_Follow_It_When_Asked()
    {
        // Given logs/ and a link other -> elsewhere/ holding one log
        using var tree = new TempTree();
        tree.Write("logs/a.json", "{}");
        tree.Write("elsewhere/b.json", "{}");
        Directory.CreateSymbolicLink(Path.Combine(tree.Root, "logs", "other"), Path.Combine(tree.Root, "elsewhere"));
        string logs = Path.Combine(tree.Root, "logs");

        // When / Then
        Assert.Equal(["a.json"], Walk(logs, follow: false));
        Assert.Equal(["a.json", "other/b.json"], Walk(logs, follow: true));
    }

    [Fact]
    public void Should_Report_A_Link_Loop_Once_And_Go_On_When_Following()
    {
        // Given logs/loop -> logs (a cycle)
        using var tree = new TempTree();
        tree.Write("logs/a.json", "{}");
        string logs = Path.Combine(tree.Root, "logs");
        Directory.CreateSymbolicLink(Path.Combine(logs, "loop"), logs);

        // When
        var problems = new List<(string Path, string Reason)>();
        List<string> found = Walk(logs, follow: true, problems);

        // Then
        Assert.Equal(["a.json"], found);
        (string path, string reason) = Assert.Single(problems);
        Assert.EndsWith("loop", path, StringComparison.Ordinal);
        Assert.Contains("loop", reason, StringComparison.Ordinal);
    }

    [UnixFact]
    public void Should_Identify_A_Directory_By_Device_And_Inode_Through_A_Link()
    {
        // Given
        using var tree = new TempTree();
        string file = tree.Write("d/a.json", "{\"Records\":[]}");
        string d = Path.Combine(tree.Root, "d");
        string link = Path.Combine(tree.Root, "link");
        Directory.CreateSymbolicLink(link, d);

        // When
        FileIdentity direct = FileIdentity.Of(d), viaLink = FileIdentity.Of(link), other = FileIdentity.Of(tree.Root), f = FileIdentity.Of(file);

        // Then (the native status layout is right: same inode through the link, a file's size matches the BCL's)
        Assert.True(direct.HasInode);
        Assert.Equal((direct.Device, direct.Inode), (viaLink.Device, viaLink.Inode));
        Assert.NotEqual(direct.Inode, other.Inode);
        Assert.Equal(FileKind.Directory, viaLink.Kind);
        Assert.Equal(FileKind.Regular, f.Kind);
        Assert.Equal(new FileInfo(file).Length, f.Length);
        Assert.Equal(FileKind.Missing, FileIdentity.Of(Path.Combine(tree.Root, "nope")).Kind);
    }

    [Theory]
    [InlineData("AWSLogs/123456789012/CloudTrail/us-east-1/2024/05/03/", LayoutLevel.Day)]
    [InlineData("bucket-prefix/AWSLogs/o-abc123/123456789012/CloudTrail/eu-west-1/2024", LayoutLevel.Year)]
    [InlineData("AWSLogs/123456789012/CloudTrail-Digest/", LayoutLevel.Digest)]
    [InlineData("logs/2024/05", LayoutLevel.Outside)]
    public void Should_Place_An_S3_Key_Prefix_In_The_Layout_From_Its_Segments(string key, LayoutLevel level)
    {
        Assert.Equal(level, LayoutPosition.OfSegments(key).Level);
    }
}
