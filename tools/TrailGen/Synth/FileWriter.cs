using System.Text.Encodings.Web;
using System.Text.Json;
using TrailSift.Tools.TrailGen.Common;

namespace TrailSift.Tools.TrailGen.Synth;

/// <summary>Writes one planned file: <c>{"Records":[...]}</c> streamed through gzip until the budget is spent.</summary>
/// <remarks>Stateless; thread-safe.</remarks>
public static class FileWriter
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    /// <summary>Counts of what was written.</summary>
    public readonly record struct Result(long Events, long Denied, long JsonBytes);

    /// <summary>Writes <paramref name="plan"/>.</summary>
    public static Result Write(FilePlan plan, SynthOptions options, PrincipalPool pool)
    {
        var rng = Prng.Derive(options.Seed, plan.RegionIndex, plan.PeriodStart.ToUnixTimeSeconds());
        using var gz = Gzip.Create(plan.Path);
        using var w = new Utf8JsonWriter(gz, WriterOptions);
        var events = new EventMix(w, rng, pool, options, plan);
        w.WriteStartObject();
        w.WriteStartArray("Records");
        long count = 0;
        while (w.BytesCommitted + w.BytesPending < plan.Budget - 2 || count == 0)
        {
            events.WriteOne();
            count++;
            if (w.BytesPending > 1 << 16)
            {
                w.Flush();
            }
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
        return new Result(count, events.Denied, w.BytesCommitted);
    }
}
