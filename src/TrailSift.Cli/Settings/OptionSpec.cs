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

/// <summary>
/// One option, declared once in its command's Settings file: name, value, help text and group. The System.CommandLine
/// model (<see cref="CommandLine"/>) is built from these declarations; parsing, help, completion and the man page use it.
/// </summary>
/// <param name="Name">The long name without dashes.</param>
/// <param name="Arity">How the option takes its value.</param>
/// <param name="Help">One line of help; a value list <c>a | b | c (…)</c> at its start is what completion offers.</param>
/// <param name="ValueName">The value as help shows it, e.g. <c>WHEN</c>.</param>
/// <param name="Short">The one-letter alias, if any.</param>
/// <param name="Group">The help section the option is listed under.</param>
/// <param name="Words">The words completion offers for the value when help lists none (e.g. the catalog's event names).</param>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record OptionSpec(string Name, OptionArity Arity, string Help, string? ValueName = null, char? Short = null, string Group = "Options",
    Func<IEnumerable<string>>? Words = null);
