using System.Text;
using System.Text.Json;

namespace TrailSift.Cli.Settings;

/// <summary>
/// Builds a simulate request (docs/simulate-request.md) from flags in the style of <c>aws iam simulate-custom-policy</c>:
/// <c>--action</c>, <c>--resource</c>, <c>--context key=value</c> (repeat a key for a multivalued key),
/// <c>--policy FILE</c> (identity policies), <c>--resource-policy FILE</c>, <c>--caller ARN</c>.
/// </summary>
/// <remarks>Stateless; thread-safe.</remarks>
public static class SimulateRequestFlags
{
    /// <summary>True when any request flag is given.</summary>
    public static bool Given(ParsedArgs args) =>
        SimulateSettings.RequestFlags.Any(o => args.Has(o.Name));

    /// <summary>The request document as UTF-8 JSON, or null with <paramref name="error"/> set.</summary>
    public static byte[]? Build(ParsedArgs args, out string? error)
    {
        error = null;
        if (args.Get(SimulateSettings.Action.Name) is not string action)
        {
            error = "--action is required with the request flags (--resource, --context, --policy, --caller)";
            return null;
        }

        if (args.Has(SimulateSettings.Policy.Name) && !args.Has(SimulateSettings.Caller.Name))
        {
            error = "--caller ARN is required with --policy: identity policies apply to a caller (without one the request is anonymous)";
            return null;
        }

        var context = new List<(string Key, List<string> Values)>();
        foreach (string pair in args.GetAllRaw(SimulateSettings.Context.Name))
        {
            int eq = pair.IndexOf('=');
            if (eq <= 0)
            {
                error = $"--context: expected key=value, got '{pair}'";
                return null;
            }

            string key = pair[..eq];
            int i = context.FindIndex(c => string.Equals(c.Key, key, StringComparison.OrdinalIgnoreCase));
            if (i < 0)
            {
                context.Add((key, [pair[(eq + 1)..]]));
            }
            else
            {
                context[i].Values.Add(pair[(eq + 1)..]);
            }
        }

        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteStartObject("request");
            if (args.Get(SimulateSettings.Caller.Name) is string caller)
            {
                w.WriteString("principal", caller);
            }

            w.WriteString("action", action);
            w.WriteString("resource", args.Get(SimulateSettings.Resource.Name) ?? "*");
            if (context.Count > 0)
            {
                w.WriteStartObject("context");
                foreach ((string key, List<string> values) in context)
                {
                    if (values.Count == 1)
                    {
                        w.WriteString(key, values[0]);
                    }
                    else
                    {
                        w.WriteStartArray(key);
                        values.ForEach(w.WriteStringValue);
                        w.WriteEndArray();
                    }
                }

                w.WriteEndObject();
            }

            w.WriteEndObject();
            if (!WritePolicies(w, "identityPolicies", args.GetAll(SimulateSettings.Policy.Name), array: true, out error)
                || !WritePolicies(w, "resourcePolicy", args.GetAll(SimulateSettings.ResourcePolicy.Name), array: false, out error))
            {
                return null;
            }

            w.WriteEndObject();
        }

        return stream.ToArray();
    }

    // A policy file is written as a JSON string holding its text (the format accepts both), so its own errors are
    // reported by the request parser and the linter with their place.
    private static bool WritePolicies(Utf8JsonWriter w, string name, IReadOnlyList<string> files, bool array, out string? error)
    {
        error = null;
        if (files.Count == 0)
        {
            return true;
        }

        if (!array && files.Count > 1)
        {
            error = $"--{(name == "resourcePolicy" ? SimulateSettings.ResourcePolicy.Name : name)}: give one file";
            return false;
        }

        if (array)
        {
            w.WriteStartArray(name);
        }

        foreach (string file in files)
        {
            string text;
            try
            {
                text = File.ReadAllText(file, Encoding.UTF8);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                error = $"{file}: {(e is FileNotFoundException ? "no such file" : e.Message)}";
                return false;
            }

            if (array)
            {
                w.WriteStringValue(text);
            }
            else
            {
                w.WriteString(name, text);
            }
        }

        if (array)
        {
            w.WriteEndArray();
        }

        return true;
    }
}
