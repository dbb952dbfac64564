using System.Globalization;
using TrailSift.Cli.Commands;
using TrailSift.Cli.Settings;
using TrailSift.Testing;

namespace TrailSift.Cli.Tests.Settings;

/// <summary>The option parsing cases of tests/data/cli/options.txt and the time forms of tests/data/cli/times.txt.</summary>
public sealed class CommandLineCaseTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 15, 12, 34, 56, TimeSpan.Zero);

    public static TheoryData<string, string> OptionCases => Cases("options.txt");

    public static TheoryData<string, string> TimeCases => Cases("times.txt");

    [Theory]
    [MemberData(nameof(OptionCases))]
    public void Should_Parse_As_Written_When_Given_The_Case(string line, string expected)
    {
        // Given
        string[] words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        ICommand command = App.Commands.Single(c => c.Name == words[0]);

        // When
        ParsedArgs parsed = CommandLine.Parse(command, words[1..], out string? error);

        // Then
        Assert.Equal(expected, error is not null ? "error: " + error : Render(parsed));
    }

    [Theory]
    [MemberData(nameof(TimeCases))]
    public void Should_Read_The_Instant_When_Given_A_Time_Form(string text, string expected)
    {
        string actual = TimeArgument.TryParse(text, Now, out DateTimeOffset value)
            ? value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture)
            : "invalid";

        Assert.Equal(expected, actual);
    }

    private static string Render(ParsedArgs parsed)
    {
        var parts = new List<string>();
        foreach ((string name, IReadOnlyList<string?> values) in parsed.Options)
        {
            parts.Add(values.All(v => v is null) ? "--" + name : $"--{name}={string.Join(',', values.Where(v => v is not null))}");
        }

        if (parsed.Positionals.Count > 0)
        {
            parts.Add("| " + string.Join(' ', parsed.Positionals));
        }

        if (parsed.SeparatorIndex >= 0)
        {
            parts.Add("|| " + string.Join(' ', parsed.PassThrough));
        }

        return string.Join(' ', parts);
    }

    private static TheoryData<string, string> Cases(string file)
    {
        var data = new TheoryData<string, string>();
        foreach (string raw in File.ReadLines(Path.Combine(RepoPaths.TestData, "cli", file)))
        {
            string line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            int arrow = line.IndexOf("=>", StringComparison.Ordinal);
            data.Add(line[..arrow].Trim(), line[(arrow + 2)..].Trim());
        }

        return data;
    }
}
