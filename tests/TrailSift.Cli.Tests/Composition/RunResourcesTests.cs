using TrailSift.Cli.Composition;

namespace TrailSift.Cli.Tests.Composition;

/// <summary>What a command run owns (the SDK clients of its sources) is released when the run ends.</summary>
public sealed class RunResourcesTests
{
    [Fact]
    public void Should_DisposeWhatWasOwned_LastFirst_When_TheRunEnds()
    {
        // Given two owned resources
        var order = new List<string>();
        var resources = new RunResources();
        resources.Own(new Probe("s3", order));
        resources.Own(new Probe("cloudtrail", order));

        // When the run ends (twice: a second Dispose does nothing)
        resources.Dispose();
        resources.Dispose();

        // Then each was disposed once, the last first
        Assert.Equal(["cloudtrail", "s3"], order);
    }

    [Fact]
    public void Should_DisposeAtOnce_When_OwnedAfterTheRunEnded()
    {
        var order = new List<string>();
        var resources = new RunResources();
        resources.Dispose();

        Probe late = resources.Own(new Probe("late", order));

        Assert.Equal(["late"], order);
        Assert.NotNull(late);
    }

    private sealed class Probe(string name, List<string> order) : IDisposable
    {
        public void Dispose() => order.Add(name);
    }
}
