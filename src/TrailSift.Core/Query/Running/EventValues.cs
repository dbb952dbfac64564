using System.Text.Json;
using TrailSift.Core.Events;
using TrailSift.Core.Query.Jq.Runtime;
using TrailSift.Core.Query.Jq.Values;

namespace TrailSift.Core.Query.Running;

/// <summary>Runs jq programs on scanned events: the event as a jq value, and jq failures that are not jq errors as input problems.</summary>
/// <remarks>Stateless static methods; thread-safe.</remarks>
internal static class EventValues
{
    /// <summary>The event as jq reads it (numbers keep their literal text, duplicate keys keep the last).</summary>
    public static JqValue Of(EventRecord record) => JqJsonReader.ParseOne(record.Utf8);

    /// <summary>
    /// The event as a program that reads only the top-level <paramref name="keys"/> sees it (<see cref="FilterShape.InputKeys"/>):
    /// an object with just those members, the rest skipped unread; the whole event when <paramref name="keys"/> is null.
    /// </summary>
    public static JqValue Of(EventRecord record, InputKeys? keys)
    {
        if (keys is null)
        {
            return Of(record);
        }

        var reader = new Utf8JsonReader(record.Utf8, JqJsonReader.Options);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return Of(record);
        }

        var b = new JqObjectBuilder(keys.Names.Length);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string? wanted = null;
            for (int i = 0; i < keys.Names.Length; i++)
            {
                if (reader.ValueTextEquals(keys.Utf8[i]))
                {
                    wanted = keys.Names[i];
                    break;
                }
            }

            reader.Read();
            if (wanted is null)
            {
                reader.Skip();
            }
            else
            {
                b.Set(wanted, JqJsonReader.ReadValue(ref reader));
            }
        }

        return b.ToObject();
    }

    /// <summary>
    /// Runs <paramref name="run"/>; a jq budget, stack or halt failure becomes an <see cref="InvalidDataException"/>,
    /// which the scanner reports against the file (<c>trailsift: PATH: …</c>) instead of ending the scan.
    /// </summary>
    public static void Guard(EventRecord record, Action run)
    {
        try
        {
            run();
        }
        catch (JqBudgetExceededException e)
        {
            throw Problem(record, e);
        }
        catch (InsufficientExecutionStackException e)
        {
            throw new InvalidDataException($"event {record.Ordinal + 1}: jq: evaluation nested too deeply (stack exhausted)", e);
        }
        catch (JqHaltException e)
        {
            throw new InvalidDataException($"event {record.Ordinal + 1}: jq: halt is not supported in a per-event filter (exit code {e.ExitCode})", e);
        }
    }

    /// <summary>A budget failure (steps, memory, a regex timeout) on <paramref name="record"/> as the input problem the scanner reports.</summary>
    public static InvalidDataException Problem(EventRecord record, JqBudgetExceededException e) =>
        new($"event {record.Ordinal + 1}: jq: {e.Message}", e);
}
