namespace TrailSift.Cli.Settings;

/// <summary>How an option takes its value.</summary>
public enum OptionArity
{
    /// <summary>A switch: present or not.</summary>
    Flag,

    /// <summary>Exactly one value (<c>--x V</c> or <c>--x=V</c>).</summary>
    Single,

    /// <summary>One value per occurrence; repeatable (values may also be comma-separated).</summary>
    Repeated,

    /// <summary>A switch that may carry a value: <c>--error</c> or <c>--error CODE</c>/<c>--error=CODE</c>.</summary>
    OptionalValue,
}

/// <summary>One option, declared once: its name, value, help text and group. Help is generated from these.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record OptionSpec(string Name, OptionArity Arity, string Help, string? ValueName = null, char? Short = null, string Group = "Options")
{
    /// <summary>The option as typed, e.g. <c>--since WHEN</c>.</summary>
    public string Usage
    {
        get
        {
            string head = Short is char s ? $"-{s}, --{Name}" : $"    --{Name}";
            return Arity switch
            {
                OptionArity.Flag => head,
                OptionArity.OptionalValue => $"{head} [{ValueName}]",
                _ => $"{head} {ValueName}",
            };
        }
    }
}
