using System.Buffers;
using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using System.Text.Json;
using TrailSift.Core.Analysis.Usage;

namespace TrailSift.Core.Output.Usage;

// Most grants are of actions nobody called: from their visibility on, their properties are the same words.
public static partial class UsageJsonPrinter
{
    // (indented, depth, visibility, hasConditions) → the bytes (the printer's two options differ only by indentation) a writer puts after "visibility": up to the grant's last
    // value, for a grant without calls, times, resources or Access Advisor word.
    private static readonly ConcurrentDictionary<(bool, int, Visibility, bool), byte[]> Tails = new();

    /// <summary>True when everything <paramref name="grant"/> writes after its visibility is the same for every grant of that visibility and conditions.</summary>
    internal static bool HasPlainTail(GrantUsage grant) =>
        grant is { Calls: 0, UndecidableCalls: 0, DeniedAtTheTime: 0, Implied: false, FirstTicks: <= 0, LastTicks: <= 0, AccessAdvisor: null }
        && grant.Resources.IsEmpty && grant.UnusedResourcePatterns.IsEmpty;

    /// <summary>
    /// Writes a grant's visibility and the properties after it (<see cref="HasPlainTail"/>) as bytes that a writer with
    /// the same options wrote once at the writer's depth, after the visibility's name: the writer's bytes, not a copy of its rules.
    /// </summary>
    private static void WritePlainTail(GrantUsage grant, Utf8JsonWriter writer)
    {
        byte[] tail = Tails.GetOrAdd((writer.Options.Indented, writer.CurrentDepth, grant.Visibility, grant.HasConditions), static (key, options) =>
        {
            (_, int depth, Visibility visibility, bool conditions) = key;
            var buffer = new ArrayBufferWriter<byte>(512);
            using var scratch = new Utf8JsonWriter(buffer, options);

            // The grant's object is the last of depth open containers.
            for (int i = 1; i < depth; i++)
            {
                scratch.WriteStartArray();
            }

            scratch.WriteStartObject();
            scratch.WritePropertyName(Names.Visibility);
            scratch.Flush();
            int mark = buffer.WrittenCount;
            WriteTail(new GrantUsage
            {
                PolicyIndex = 0, Policy = string.Empty, StatementIndex = 0, Action = string.Empty, Verdict = UsageVerdict.Unused,
                Reason = string.Empty, Visibility = visibility, HasConditions = conditions,
            }, scratch);
            scratch.Flush();
            return buffer.WrittenSpan[mark..].ToArray();
        }, writer.Options);
        writer.WritePropertyName(Names.Visibility);
        writer.WriteRawValue(tail, skipInputValidation: true);
    }

    /// <summary>
    /// The texts consecutive grants repeat (one statement's policy label and <c>Sid</c>, the reasons shared by its
    /// actions), each escaped once for as long as it repeats, with the writer's encoder. A text with a lone surrogate
    /// (which <see cref="JsonEncodedText"/> refuses) is left to the writer, which writes it as U+FFFD.
    /// </summary>
    internal struct RepeatedTexts
    {
        private string? _policy, _sid, _reason;
        private JsonEncodedText _policyText, _sidText, _reasonText;

        public void Policy(Utf8JsonWriter writer, JsonEncodedText name, string value) => Write(writer, name, value, ref _policy, ref _policyText);

        public void Sid(Utf8JsonWriter writer, JsonEncodedText name, string value) => Write(writer, name, value, ref _sid, ref _sidText);

        public void Reason(Utf8JsonWriter writer, JsonEncodedText name, string value) => Write(writer, name, value, ref _reason, ref _reasonText);

        private static void Write(Utf8JsonWriter writer, JsonEncodedText name, string value, ref string? last, ref JsonEncodedText text)
        {
            if (!string.Equals(value, last, StringComparison.Ordinal))
            {
                if (value.AsSpan().IndexOfAnyInRange('\ud800', '\udfff') >= 0 && !IsWellFormed(value))
                {
                    writer.WriteString(name, value);
                    return;
                }

                text = JsonEncodedText.Encode(value, writer.Options.Encoder);
                last = value;
            }

            writer.WriteString(name, text);
        }

        // True when every surrogate of the text is one of a pair.
        private static bool IsWellFormed(string value)
        {
            for (int i = 0; i < value.Length; i++)
            {
                if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                {
                    i++;
                }
                else if (char.IsSurrogate(value[i]))
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>A grant's text as the printer writes it inside <paramref name="depth"/> - 1 open arrays, through its plain tail when <paramref name="plain"/> (for tests).</summary>
    internal static string GrantText(GrantUsage grant, bool indented, int depth, bool plain)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, indented ? Indented : Compact))
        {
            for (int i = 1; i < depth; i++)
            {
                writer.WriteStartArray();
            }

            var repeated = new RepeatedTexts();
            WriteGrant(grant, writer, ref repeated, plain);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
