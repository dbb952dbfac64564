using System.Buffers;
using System.Text;
using TrailSift.Core.Events;
using TrailSift.Core.Query.Jq;
using TrailSift.Core.Query.Jq.Runtime;
using TrailSift.Core.Query.Jq.Syntax;
using TrailSift.Core.Query.Jq.Values;
using TrailSift.Core.Query.Running;
using TrailSift.Core.Tests.Allocation;

namespace TrailSift.Core.Tests.Query;

/// <summary>
/// The projections printed straight from the token index (<see cref="DirectProjection"/>) print the bytes the jq engine
/// prints (itself checked against jq 1.7.1), in every output style, and leave the events on which jq fails to the engine.
/// </summary>
[Collection(AllocationCollection.Name)]
public sealed class DirectProjectionTests
{
    private static readonly string[] Programs =
    [
        "{eventTime, eventName, arn: .userIdentity.arn}",
        "{a: .n, \"b c\": .m, \"\\u00e9\": .userIdentity, d: .userIdentity.arn.x, e: .missing.deeper, f: .t, g: .f, h: .z}",
        "{}",
        ".eventName",
        ".userIdentity.arn",
        "(.userIdentity).\"arn\"",
        ".[\"eventTime\"]",
        ".n",
        ".resources",
    ];

    private static readonly string[] Events =
    [
        """{"eventTime":"2024-01-01T00:00:00Z","eventName":"CreateQueue","userIdentity":{"arn":"arn:aws:sts::1:assumed-role/r/s"}}""",
        """{"eventName":"A\u00e9\/x \"q\" \\","eventTime":"t\u007fz","userIdentity":{"arn":"é ü ☃ 𝄞","arn":"last"},"n":1.000,"m":1e1000}""",
        """{"eventName":"dup","eventName":"dup2","eventTime":"","userIdentity":{"arn":{"x":[1,{"y":2}],"x":3,"e":{},"f":[]}},"n":-0,"m":[]}""",
        """{"eventName":"nulls","userIdentity":null,"t":true,"f":false,"z":null,"n":100,"m":{"k":[{},[]]},"resources":[{"ARN":"a"},{"ARN":"b\tc"}]}""",
        """{"eventName":"del \u007f and \u0001","eventTime":"é","resources":[]}""",
        """{}""",
        "{\"eventName\":\"raw \u007f del\",\"eventTime\":\"raw é\"}",
    ];

    // On these the programs that index .userIdentity.arn fail in jq ("Cannot index string with "arn"").
    private static readonly string[] FailingEvents =
    [
        """{"eventName":"B","userIdentity":"str"}""",
        """{"eventName":"E","userIdentity":[1]}""",
        """{"eventName":"N","userIdentity":{"arn":5}}""",
    ];

    private static readonly JqOutputStyle[] Styles =
    [
        JqOutputStyle.Default,
        new() { Compact = true },
        new() { Raw = true },
        new() { Compact = true, Raw = true },
        new() { Tab = true },
        new() { SortKeys = true },
        new() { Ascii = true, Compact = true },
        new() { Ascii = true },
        new() { Compact = true, MarkOutputs = true },
    ];

    [Fact]
    public void Should_Print_What_The_Jq_Engine_Prints_When_A_Projection_Copies_Event_Members()
    {
        var differences = new List<string>();
        foreach (string program in Programs)
        {
            foreach (JqOutputStyle style in Styles)
            {
                // Given
                DirectProjection direct = DirectProjection.TryCreate(JqParser.Parse(program), style)
                    ?? throw new InvalidOperationException($"not printed directly: {program}");
                foreach (string json in Events.Concat(FailingEvents))
                {
                    using EventRecord record = EventRecord.Parse(json);
                    var written = new ArrayBufferWriter<byte>();

                    // When
                    bool printed = direct.TryWrite(record, written);
                    (string? engine, string? error) = Engine(program, style, json);

                    // Then: the same bytes, or declined exactly where jq fails
                    string? mine = printed ? Encoding.UTF8.GetString(written.WrittenSpan) : null;
                    if (mine != engine || (!printed && written.WrittenCount > 0))
                    {
                        differences.Add($"{program} {style} on {json}: direct {mine ?? "(declined)"}, engine {engine ?? error}");
                    }
                }
            }
        }

        Assert.True(differences.Count == 0, string.Join("\n", differences));
    }

    [Fact]
    public void Should_Leave_The_Event_To_The_Engine_When_An_Event_Key_Has_Escapes()
    {
        // Given: a key written with an escape (jq reads it as "arn")
        DirectProjection direct = DirectProjection.TryCreate(JqParser.Parse(".userIdentity.arn"), JqOutputStyle.Default)!;
        using EventRecord record = EventRecord.Parse("""{"userIdentity":{"a\u0072n":"x"}}""");
        var written = new ArrayBufferWriter<byte>();

        // When
        bool printed = direct.TryWrite(record, written);

        // Then
        Assert.False(printed);
        Assert.Equal(0, written.WrittenCount);
    }

    [Theory]
    [InlineData(".a?")]
    [InlineData(".a | .b")]
    [InlineData(".[0]")]
    [InlineData(".a[]")]
    [InlineData(".")]
    [InlineData("{a: .x, a: .y}")]
    [InlineData("{(.k): .x}")]
    [InlineData("{$__loc__}")]
    [InlineData("{a: (.x + 1)}")]
    [InlineData("{a: (.x, .y)}")]
    [InlineData("{\"\\(.k)\": .x}")]
    [InlineData("{@base64 \"k\": .x}")]
    [InlineData("{a: .x.b[0]}")]
    public void Should_Leave_The_Program_To_The_Engine_When_It_Is_Not_A_Plain_Projection(string program)
    {
        // When
        DirectProjection? direct = DirectProjection.TryCreate(JqParser.Parse(program), JqOutputStyle.Default);

        // Then
        Assert.Null(direct);
    }

    [Fact]
    public void Should_Not_Allocate_Per_Event_When_A_Projection_Copies_String_Members()
    {
        // Given
        DirectProjection direct = DirectProjection.TryCreate(
            JqParser.Parse("{eventTime, eventName, arn: .userIdentity.arn, missing: .x.y}"), new JqOutputStyle { Compact = true })!;
        using EventRecord record = EventRecord.Parse(Events[0]);
        var written = new ArrayBufferWriter<byte>(1 << 16);
        Assert.True(direct.TryWrite(record, written));

        // When
        long[] allocated = AllocationCollection.SteadyState(() =>
        {
            for (int i = 0; i < 1000; i++)
            {
                written.ResetWrittenCount();
                direct.TryWrite(record, written);
            }
        });

        // Then
        Assert.All(allocated, bytes => Assert.Equal(0, bytes));
    }

    private static (string? Output, string? Error) Engine(string program, JqOutputStyle style, string json)
    {
        var written = new ArrayBufferWriter<byte>();
        var sb = new StringBuilder();
        try
        {
            foreach (JqValue v in JqProgram.Compile(program).RunAll(JqJsonReader.ParseOne(json)))
            {
                style.Write(written, sb, v);
            }
        }
        catch (JqRuntimeException e)
        {
            return (null, e.Message);
        }

        return (Encoding.UTF8.GetString(written.WrittenSpan), null);
    }
}
