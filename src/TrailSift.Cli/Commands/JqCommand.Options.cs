using System.Text;
using TrailSift.Core.Query.Jq.Input;
using TrailSift.Core.Query.Jq.Values;

namespace TrailSift.Cli.Commands;

/// <summary>jq's command line, parsed as jq parses it.</summary>
internal sealed class JqOptions
{
    public string Filter { get; private set; } = ".";

    public List<string> Files { get; } = [];

    public bool Raw { get; private set; }

    public bool Join { get; private set; }

    public bool Ascii { get; private set; }

    public bool Compact { get; private set; }

    public bool Slurp { get; private set; }

    public bool NullInput { get; private set; }

    public bool RawInput { get; private set; }

    public bool ExitStatus { get; private set; }

    public bool SortKeys { get; private set; }

    public bool? Color { get; private set; }

    public bool Tab { get; private set; }

    public int Indent { get; private set; } = 2;

    public bool Seq { get; private set; }

    /// <summary>No filter was given (the filter is then ".").</summary>
    public bool NoFilter { get; private set; }

    public long? MaxSteps { get; private set; }

    public long? MaxMemoryMiB { get; private set; }

    public Dictionary<string, JqValue> Variables { get; } = new(StringComparer.Ordinal);

    public List<JqValue> Positional { get; } = [];

    /// <summary>Parses jq's arguments; on failure <paramref name="error"/> is jq's message, and <paramref name="fatal"/>
    /// says it is one jq prints without the "Use … --help" hint (a file that cannot be read).</summary>
    public static bool TryParse(string[] args, out JqOptions? options, out string? error, out bool fatal)
    {
        var o = new JqOptions();
        options = o;
        error = null;
        fatal = false;
        var named = new JqObjectBuilder();
        bool filterSet = false;
        string? fromFile = null;
        int positionalMode = 0;
        bool onlyPositional = false;
        for (int i = 0; i < args.Length; i++)
        {
            string a = args[i];
            string Next(string what)
            {
                if (i + 1 >= args.Length)
                {
                    throw new ArgumentException($"{a} takes {what}");
                }

                return args[++i];
            }

            try
            {
                if (onlyPositional || a == "-" || !a.StartsWith('-'))
                {
                    if (!filterSet && fromFile is null)
                    {
                        o.Filter = a;
                        filterSet = true;
                    }
                    else if (positionalMode == 1)
                    {
                        o.Positional.Add(new JqString(a));
                    }
                    else if (positionalMode == 2)
                    {
                        o.Positional.Add(ParseJson(a, "--jsonargs"));
                    }
                    else
                    {
                        o.Files.Add(a);
                    }

                    continue;
                }

                if (a == "--")
                {
                    onlyPositional = true;
                    continue;
                }

                if (a.StartsWith("--", StringComparison.Ordinal))
                {
                    switch (a)
                    {
                        case "--raw-output": o.Raw = true; break;
                        case "--join-output": o.Raw = o.Join = true; break;
                        case "--ascii-output": o.Ascii = true; break;
                        case "--compact-output": o.Compact = true; break;
                        case "--slurp": o.Slurp = true; break;
                        case "--null-input": o.NullInput = true; break;
                        case "--raw-input": o.RawInput = true; break;
                        case "--exit-status": o.ExitStatus = true; break;
                        case "--sort-keys": o.SortKeys = true; break;
                        case "--color-output": o.Color = true; break;
                        case "--monochrome-output": o.Color = false; break;
                        case "--tab": o.Tab = true; break;
                        case "--seq": o.Seq = true; break;
                        case "--args": positionalMode = 1; break;
                        case "--jsonargs": positionalMode = 2; break;
                        case "--indent":
                            {
                                // jq reads the number with atoi: text that is not a number is 0; -1 means a tab.
                                int ind = Atoi(Next("one parameter"));
                                if (ind < -1 || ind > 7)
                                {
                                    throw new ArgumentException("--indent takes a number between -1 and 7");
                                }

                                o.Indent = Math.Max(ind, 0);
                                o.Tab |= ind == -1;
                                break;
                            }

                        case "--arg":
                            {
                                string name = Next("two parameters (e.g. --arg varname value)");
                                string value = Next("two parameters (e.g. --arg varname value)");
                                Set(o, named, name, new JqString(value));
                                break;
                            }

                        case "--argjson":
                            {
                                string name = Next("two parameters (e.g. --argjson varname text)");
                                string text = Next("two parameters (e.g. --argjson varname text)");
                                Set(o, named, name, ParseJson(text, "--argjson"));
                                break;
                            }

                        case "--slurpfile":
                        case "--rawfile":
                            {
                                string name = Next("two parameters (e.g. " + a + " varname filename)");
                                string file = Next("two parameters (e.g. " + a + " varname filename)");
                                byte[] bytes;
                                try
                                {
                                    bytes = File.ReadAllBytes(file);
                                }
                                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                                {
                                    throw new JqFatalOptionException($"Bad JSON in {a} {name} {file}: Could not open {file}: {OsMessage(e)}");
                                }

                                JqValue v = a == "--rawfile"
                                    ? new JqString(Encoding.UTF8.GetString(bytes))
                                    : SlurpFile(bytes, name, file);
                                Set(o, named, name, v);
                                break;
                            }

                        case "--from-file":
                            fromFile = Next("a file name");
                            break;
                        case "--max-steps":
                            o.MaxSteps = long.TryParse(Next("a number"), out long ms) && ms >= 0 ? ms : throw new ArgumentException("--max-steps takes a number");
                            break;
                        case "--max-memory":
                            o.MaxMemoryMiB = long.TryParse(Next("a number"), out long mm) && mm >= 0 ? mm : throw new ArgumentException("--max-memory takes a number of MiB");
                            break;
                        default:
                            throw new ArgumentException($"Unknown option {a}");
                    }

                    continue;
                }

                foreach (char c in a.AsSpan(1))
                {
                    switch (c)
                    {
                        case 'r': o.Raw = true; break;
                        case 'j': o.Raw = o.Join = true; break;
                        case 'a': o.Ascii = true; break;
                        case 'c': o.Compact = true; break;
                        case 's': o.Slurp = true; break;
                        case 'n': o.NullInput = true; break;
                        case 'R': o.RawInput = true; break;
                        case 'e': o.ExitStatus = true; break;
                        case 'S': o.SortKeys = true; break;
                        case 'C': o.Color = true; break;
                        case 'M': o.Color = false; break;
                        case 'f': fromFile = Next("a file name"); break;
                        default: throw new ArgumentException($"Unknown option {a}");
                    }
                }
            }
            catch (ArgumentException e)
            {
                error = e.Message;
                fatal = e is JqFatalOptionException;
                return false;
            }
        }

        if (fromFile is not null)
        {
            if (filterSet)
            {
                o.Files.Insert(0, o.Filter);
            }

            try
            {
                o.Filter = File.ReadAllText(fromFile);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                error = $"Could not open {fromFile}: {OsMessage(e)}";
                fatal = true;
                return false;
            }
        }
        else if (!filterSet)
        {
            // jq 1.7 runs "." when no filter is given and stdin or stdout is not a terminal (JqCommand checks that).
            o.NoFilter = true;
        }

        var argsObj = new JqObjectBuilder(2);
        argsObj.Set("positional", new JqArray(o.Positional));
        argsObj.Set("named", named.ToObject());
        o.Variables["ARGS"] = argsObj.ToObject();
        return true;
    }

    /// <summary>The C library's text for an I/O error, as jq prints it (strerror).</summary>
    public static string OsMessage(Exception e) => e switch
    {
        FileNotFoundException or DirectoryNotFoundException => "No such file or directory",
        UnauthorizedAccessException => "Permission denied",
        _ => e.Message,
    };

    private static int Atoi(string text)
    {
        ReadOnlySpan<char> t = text.AsSpan().TrimStart();
        int i = t.Length > 0 && t[0] is '-' or '+' ? 1 : 0;
        while (i < t.Length && char.IsAsciiDigit(t[i]))
        {
            i++;
        }

        return int.TryParse(t[..i], out int n) ? n : 0;
    }

    private static void Set(JqOptions o, JqObjectBuilder named, string name, JqValue v)
    {
        o.Variables[name] = v;
        named.Set(name, v);
    }

    private static JqValue ParseJson(string text, string option)
    {
        return JqTextParser.ParseOne(System.Text.Encoding.UTF8.GetBytes(text), out _)
            ?? throw new ArgumentException($"invalid JSON text passed to {option}");
    }

    private static JqValue SlurpFile(byte[] bytes, string name, string file)
    {
        List<JqValue> values = JqTextParser.ParseFile(bytes, out string? error)
            ?? throw new JqFatalOptionException($"Bad JSON in --slurpfile {name} {file}: {error}");
        return new JqArray(values);
    }
}

/// <summary>An option error jq reports without the "Use … --help" hint.</summary>
internal sealed class JqFatalOptionException(string message) : ArgumentException(message);
