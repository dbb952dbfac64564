using SharpFuzz;
using TrailSift.Core.Events;
using TrailSift.Core.Iam.Evaluation;
using TrailSift.Core.Iam.Policy;
using TrailSift.Core.Iam.Policy.Lint;
using TrailSift.Core.Query.Jq;
using TrailSift.Core.Query.Jq.Runtime;
using TrailSift.Core.Query.Jq.Syntax;
using TrailSift.Core.Scan;
using TrailSift.Core.Sources;

namespace TrailSift.Tools.Fuzz;

/// <summary>
/// AFL++ targets (SharpFuzz): <c>reader</c> feeds the bytes to the record reader as plain data, <c>gzip</c> through
/// gzip detection and decompression first; <c>jq</c> compiles the bytes as a jq filter and runs it on null with a small
/// step budget; <c>policy</c> parses the bytes as an IAM policy and lints it (<c>trailsift lint</c>); <c>simulate</c>
/// parses them as a simulate request and lints its policies (<c>trailsift simulate</c>). Reported problems are
/// expected; any other exception, a hang or a crash is a finding.
/// Usage: <c>afl-fuzz -i seeds -o findings -- dotnet trailsift-fuzz.dll reader|gzip|jq|policy|simulate</c>.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        string target = args.Length > 0 ? args[0] : "reader";
        Action<Stream> run = target switch
        {
            "reader" => stream => ReadAll(Bytes(stream), gzip: false),
            "gzip" => stream => ReadAll(Bytes(stream), gzip: true),
            "jq" => stream => RunJq(Bytes(stream)),
            "policy" => stream => LintPolicy(Bytes(stream)),
            "simulate" => stream => ParseSimulation(Bytes(stream)),
            _ => throw new ArgumentException("target: reader, gzip, jq, policy or simulate"),
        };

        if (args.Length > 1)
        {
            // Replays one input (a finding or a seed) without AFL.
            using FileStream file = File.OpenRead(args[1]);
            run(file);
            return 0;
        }

        Fuzzer.OutOfProcess.Run(run);
        return 0;
    }

    private static byte[] Bytes(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static void ReadAll(byte[] data, bool gzip)
    {
        // A small buffer and record limit so that growth, shifting and the size limit are reached by small inputs;
        // one input in two is split with the deferred index.
        Stream input = gzip ? DecodedStream.Open(new MemoryStream(data)) : new MemoryStream(data);
        using var reader = new RecordReader(input, 64, maxRecordBytes: 4096) { DeferIndex = data.Length % 2 == 0 };
        using var record = new EventRecord();
        try
        {
            while (reader.TryRead(record))
            {
                _ = reader.TakeShapeError();
                _ = record.Root.GetProperty("eventName"u8).Kind;
                var sink = new System.Buffers.ArrayBufferWriter<byte>();
                JsonNodeWriter.WriteCompact(record.Root, sink);
            }
        }
        catch (RecordReadException)
        {
        }
    }

    // The filter parser and compiler, and a bounded run (jq's own errors, a halt and the step budget are expected).
    private static void RunJq(byte[] data)
    {
        string source = System.Text.Encoding.UTF8.GetString(data);
        JqLargeStack.Run(() =>
        {
            try
            {
                JqProgram program = JqProgram.Compile(source);
                var context = new JqContext(new JqBudget { MaxSteps = 20_000, MaxMemoryBytes = 64L << 20 });
                program.Run(context, TrailSift.Core.Query.Jq.Values.JqValue.Null, _ => { });
            }
            catch (Exception e) when (e is JqParseException or JqRuntimeException or JqBudgetExceededException or JqHaltException
                or InsufficientExecutionStackException)
            {
            }

            return 0;
        });
    }

    private static void LintPolicy(byte[] data)
    {
        PolicyParseResult parsed = PolicyParser.Parse(data);
        if (parsed.Document is { } document)
        {
            _ = PolicyLinter.Default.Lint(document);
        }
    }

    private static void ParseSimulation(byte[] data)
    {
        SimulationParseResult parsed = SimulationRequestParser.Parse(data);
        if (parsed.Request is { } request)
        {
            _ = SimulationRequestLinter.Lint(request, PolicyLinter.Default);
        }
    }
}
