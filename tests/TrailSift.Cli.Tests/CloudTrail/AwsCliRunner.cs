using System.Text;
using TrailSift.Testing.Aws;

namespace TrailSift.Cli.Tests.CloudTrail;

/// <summary>Runs the app in-process against the loopback AWS endpoint, on the real clock (signatures must be fresh).</summary>
internal static class AwsCliRunner
{
    public static CliRunner.Result Run(AwsLoopback loopback, LoopbackIdentity identity, string home, string[] args, Dictionary<string, string>? extra = null)
    {
        var variables = loopback.Environment(identity, home);
        foreach ((string k, string v) in extra ?? [])
        {
            variables[k] = v;
        }

        var stdout = new MemoryStream();
        var stderr = new StringWriter();
        var env = new AppEnvironment(new MemoryStream(), stdout, stderr, StdinIsTerminal: true, StdoutIsTerminal: false, StderrIsTerminal: false,
            NoColor: true, ProcessorCount: 2, TimeProvider.System)
        {
            Variables = variables,
        };
        int code = App.Run(args, env);
        return new CliRunner.Result(code, Encoding.UTF8.GetString(stdout.ToArray()), stderr.ToString()) { StdoutBytes = stdout.ToArray() };
    }
}
