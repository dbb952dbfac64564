using TrailSift.Tools.TrailGen.Story;
using TrailSift.Tools.TrailGen.Synth;

namespace TrailSift.Tools.TrailGen;

/// <summary>Entry point: <c>trailgen story emr-launch --out DIR</c> or <c>trailgen --out DIR [options]</c>.</summary>
/// <remarks>Stateless; thread-safe.</remarks>
public static class Program
{
    /// <summary>Runs the generator; returns the exit code.</summary>
    public static int Main(string[] args)
    {
        try
        {
            if (args.Length >= 2 && args[0] == "story")
            {
                return RunStory(args);
            }

            SynthOptions options = SynthOptions.Parse(args);
            SynthReport report = SyntheticTrail.Generate(options, Console.Error);
            Console.WriteLine(report);
            return 0;
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"trailgen: {e.Message}");
            Console.Error.WriteLine(SynthOptions.Usage);
            return 2;
        }
    }

    private static int RunStory(string[] args)
    {
        if (args[1] != "emr-launch" || args.Length != 4 || args[2] != "--out")
        {
            throw new ArgumentException("usage: trailgen story emr-launch --out DIR");
        }

        string root = args[3];
        if (Directory.Exists(Path.Combine(root, "AWSLogs")))
        {
            // Start clean so renamed files from an older story do not linger.
            Directory.Delete(Path.Combine(root, "AWSLogs"), recursive: true);
        }

        (int records, int files) = EmrLaunchStory.Write(root);
        Console.WriteLine($"emr-launch: {records} records in {files} log files under {Path.Combine(root, "AWSLogs")}");
        return 0;
    }
}
