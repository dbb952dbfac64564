using SharpFuzz;
using TrailSift.Core.Events;
using TrailSift.Core.Scan;
using TrailSift.Core.Sources;

namespace TrailSift.Tools.Fuzz;

/// <summary>
/// AFL++ targets (SharpFuzz) for the input layer: <c>reader</c> feeds the bytes to the record reader as plain data,
/// <c>gzip</c> through gzip detection and decompression first. Reported problems are expected; any other exception,
/// a hang or a crash is a finding. Usage: <c>afl-fuzz -i seeds -o findings -- dotnet trailsift-fuzz.dll reader|gzip</c>.
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
            _ => throw new ArgumentException("target: reader or gzip"),
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
}
