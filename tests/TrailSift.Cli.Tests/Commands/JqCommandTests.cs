using System.IO.Compression;
using System.Text;

namespace TrailSift.Cli.Tests.Commands;

/// <summary><c>trailsift jq</c>: jq's flags, input handling, output format and exit codes (expected values checked against jq 1.7.1).</summary>
public sealed class JqCommandTests
{
    [Theory]
    [InlineData(new[] { "jq", "-c", ".a" }, "{\"a\":[1,2]} {\"a\":3}", "[1,2]\n3\n")]
    [InlineData(new[] { "jq", ".a" }, "{\"a\":[1,2]}", "[\n  1,\n  2\n]\n")]
    [InlineData(new[] { "jq", "--tab", "." }, "{\"a\":[1]}", "{\n\t\"a\": [\n\t\t1\n\t]\n}\n")]
    [InlineData(new[] { "jq", "--indent", "1", "." }, "[1]", "[\n 1\n]\n")]
    [InlineData(new[] { "jq", "-r", ".[]" }, "[\"a\",1,\"b\\nc\"]", "a\n1\nb\nc\n")]
    [InlineData(new[] { "jq", "-j", ".[]" }, "[\"a\",1]", "a1")]
    [InlineData(new[] { "jq", "-rc", ".[]" }, "[\"x\",{\"a\":1}]", "x\n{\"a\":1}\n")]
    [InlineData(new[] { "jq", "-a", "-c", "." }, "[\"é😀\"]", "[\"\\u00e9\\ud83d\\ude00\"]\n")]
    [InlineData(new[] { "jq", "-S", "-c", "." }, "{\"b\":1,\"a\":{\"d\":1,\"c\":2}}", "{\"a\":{\"c\":2,\"d\":1},\"b\":1}\n")]
    [InlineData(new[] { "jq", "-s", "-c", "." }, "1 2\n3", "[1,2,3]\n")]
    [InlineData(new[] { "jq", "-n", "-c", "[inputs]" }, "1 2 3", "[1,2,3]\n")]
    [InlineData(new[] { "jq", "-n", "-c", "input, input" }, "1 2 3", "1\n2\n")]
    [InlineData(new[] { "jq", "-c", "--arg", "x", "1", "--argjson", "y", "{\"z\":2}", "-n", "[$x, $y, $ARGS.named]" }, "", "[\"1\",{\"z\":2},{\"x\":\"1\",\"y\":{\"z\":2}}]\n")]
    [InlineData(new[] { "jq", "-nc", "$ARGS", "--args", "a", "b" }, "", "{\"positional\":[\"a\",\"b\"],\"named\":{}}\n")]
    [InlineData(new[] { "jq", "-nc", "$ARGS.positional", "--jsonargs", "1", "{}" }, "", "[1,{}]\n")]
    [InlineData(new[] { "jq", "--seq", "-c", "." }, "\u001e1\n", "\u001e1\n")]
    [InlineData(new[] { "jq", "-c", "." }, "100000000000000000000 3.00 1E2 [0.1]", "100000000000000000000\n3.00\n1E+2\n[0.1]\n")]
    [InlineData(new[] { "jq", "-R", "." }, "a\nb", "\"a\"\n\"b\"\n")]
    [InlineData(new[] { "jq", "-Rs", "." }, "a\nb\n", "\"a\\nb\\n\"\n")]
    public void Should_print_what_jq_prints_When_given_jq_flags(string[] args, string stdin, string expected)
    {
        // Given / When
        CliRunner.Result r = CliRunner.Run(args, stdin);

        // Then
        Assert.Equal(expected, r.Stdout);
        Assert.Equal(0, r.ExitCode);
    }

    [Theory]
    [InlineData(new[] { "jq", "-e", ".a" }, "{\"a\":1}", 0)]
    [InlineData(new[] { "jq", "-e", ".a" }, "{\"a\":false}", 1)]
    [InlineData(new[] { "jq", "-e", ".a" }, "{}", 1)]
    [InlineData(new[] { "jq", "-e", "empty" }, "1", 4)]
    [InlineData(new[] { "jq", ".a" }, "1", 5)]
    [InlineData(new[] { "jq", ".a +" }, "1", 3)]
    [InlineData(new[] { "jq", "--bogus", "." }, "1", 2)]
    [InlineData(new[] { "jq", "." }, "{\"a\":", 5)]
    [InlineData(new[] { "jq", "-n", "\"bye\" | halt_error(7)" }, "", 7)]
    [InlineData(new[] { "jq", "-n", "halt" }, "", 0)]
    public void Should_exit_with_jqs_code_When_the_run_ends(string[] args, string stdin, int expected)
    {
        // Given / When
        CliRunner.Result r = CliRunner.Run(args, stdin);

        // Then
        Assert.Equal(expected, r.ExitCode);
    }

    [Fact]
    public void Should_report_the_error_like_jq_and_go_on_When_an_input_fails()
    {
        // Given
        const string stdin = "{\"a\":1}\n2\n{\"a\":3}\n";

        // When
        CliRunner.Result r = CliRunner.Run(["jq", ".a"], stdin);

        // Then
        Assert.Equal("1\n3\n", r.Stdout);
        Assert.Equal("jq: error (at <stdin>:2): Cannot index number with string \"a\"\n", r.Stderr);
        Assert.Equal(5, r.ExitCode);
    }

    [Fact]
    public void Should_print_outputs_so_far_then_fail_When_the_input_is_not_json()
    {
        // Given / When
        CliRunner.Result r = CliRunner.Run(["jq", "-c", "."], "1 [2] {");

        // Then
        Assert.Equal("1\n[2]\n", r.Stdout);
        Assert.StartsWith("jq: parse error: ", r.Stderr, StringComparison.Ordinal);
        Assert.Equal(5, r.ExitCode);
    }

    [Fact]
    public void Should_show_a_caret_When_the_program_does_not_compile()
    {
        // Given / When
        CliRunner.Result r = CliRunner.Run(["jq", ".a | foo"], "1");

        // Then
        Assert.Equal("jq: error: foo/0 is not defined at <top-level>, line 1, column 6:\n.a | foo\n     ^\njq: 1 compile error\n", r.Stderr);
        Assert.Equal(3, r.ExitCode);
    }

    [Fact]
    public void Should_read_every_member_When_the_input_is_multi_member_gzip()
    {
        // Given
        string dir = Directory.CreateTempSubdirectory("trailsift-jq").FullName;
        string file = Path.Combine(dir, "in.json.gz");
        using (FileStream fs = File.Create(file))
        {
            foreach (string part in new[] { "{\"a\":1}\n", "{\"a\":2}" })
            {
                using var gz = new GZipStream(fs, CompressionLevel.Fastest, leaveOpen: true);
                gz.Write(Encoding.UTF8.GetBytes(part));
            }
        }

        // When
        CliRunner.Result r = CliRunner.Run(["jq", "-c", "[.a, input_filename]", file]);

        // Then
        Assert.Equal($"[1,\"{file}\"]\n[2,\"{file}\"]\n", r.Stdout);
        Assert.Equal(0, r.ExitCode);
        Directory.Delete(dir, true);
    }

    [Fact]
    public void Should_use_jqs_default_colours_When_asked_for_colour()
    {
        // Given / When
        CliRunner.Result r = CliRunner.Run(["jq", "-C", "-c", "."], "{\"a\":[1,null]}");

        // Then
        Assert.Equal(
            "\u001b[1;39m{\u001b[0m\u001b[1;34m\"a\"\u001b[0m\u001b[1;39m:\u001b[0m\u001b[1;39m[\u001b[0;39m1\u001b[0m\u001b[1;39m,"
            + "\u001b[0;90mnull\u001b[0m\u001b[1;39m\u001b[1;39m]\u001b[0m\u001b[1;39m\u001b[1;39m}\u001b[0m\n",
            r.Stdout);
    }
}
