using TrailSift.Core.Query.Jq;
using TrailSift.Core.Query.Jq.Builtins;
using TrailSift.Core.Query.Jq.Syntax;

namespace TrailSift.Core.Tests.Query.JqEngine;

/// <summary>
/// The libm functions jq exposes: where libm.so.6 is not bound, the exact ones are computed in C# (checked here bit for
/// bit against glibc) and the others are refused at parse time with a caret.
/// </summary>
public sealed class LibMTests
{
    private static readonly double[] Specials =
    [
        0.0, -0.0, 1, -1, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 3, 7, -7, 10, 1e-300, -1e-300, 5e-324, -5e-324, 2.2250738585072014E-308,
        1.7976931348623157e308, -1.7976931348623157e308, double.PositiveInfinity, double.NegativeInfinity, double.NaN,
        0.49999999999999994, 4503599627370496.5, 4503599627370497, 1e16, 65000, 65001, -65001, 2147483648, 1e10, -3e-310,
    ];

    [Fact]
    public void Should_ComputeTheExactFunctionsAsGlibcDoes_When_LibmIsNotBound()
    {
        // Given glibc's libm (the reference) and a grid of special and random doubles
        if (!OperatingSystem.IsLinux() || !LibM.Available)
        {
            return; // the reference is glibc: nothing to compare with elsewhere
        }

        var random = new Random(7);
        var values = Specials.Concat(Enumerable.Range(0, 3000).Select(_ => RandomDouble(random))).ToArray();
        var mismatches = new List<string>();
        void Check(string name, double x, double y, double expected, double actual)
        {
            if (BitConverter.DoubleToInt64Bits(expected) != BitConverter.DoubleToInt64Bits(actual) && !(double.IsNaN(expected) && double.IsNaN(actual)))
            {
                mismatches.Add($"{name}({x:R}, {y:R}): glibc {expected:R}, managed {actual:R}");
            }
        }

        // When each exact function is computed both ways
        foreach (double x in values)
        {
            Check("round", x, 0, LibM.Round(x), Without(() => LibM.Round(x)));
            Check("rint", x, 0, LibM.Rint(x), Without(() => LibM.Rint(x)));
            Check("nearbyint", x, 0, LibM.Nearbyint(x), Without(() => LibM.Nearbyint(x)));
            Check("logb", x, 0, LibM.Logb(x), Without(() => LibM.Logb(x)));
            Check("significand", x, 0, LibM.Significand(x), Without(() => LibM.Significand(x)));
            Check("frexp", x, 0, LibM.Frexp(x, out int e1), Without(() => LibM.Frexp(x, out int _)));
            Check("frexp.e", x, 0, e1, Without(() => { LibM.Frexp(x, out int e2); return e2; }));
            Check("modf", x, 0, LibM.Modf(x, out double i1), Without(() => LibM.Modf(x, out double _)));
            Check("modf.i", x, 0, i1, Without(() => { LibM.Modf(x, out double i2); return i2; }));
            for (int k = 0; k < 6; k++)
            {
                double y = k < 3 ? values[random.Next(values.Length)] : Specials[random.Next(Specials.Length)];
                Check("fmod", x, y, LibM.Fmod(x, y), Without(() => LibM.Fmod(x, y)));
                Check("fdim", x, y, LibM.Fdim(x, y), Without(() => LibM.Fdim(x, y)));
                Check("nextafter", x, y, LibM.Nextafter(x, y), Without(() => LibM.Nextafter(x, y)));
                Check("scalb", x, y, LibM.Scalb(x, y), Without(() => LibM.Scalb(x, y)));
                int n = (int)Math.Clamp(Math.Round(y), -2200, 2200);
                Check("ldexp", x, n, LibM.Ldexp(x, n), Without(() => LibM.Ldexp(x, n)));
                Check("scalbln", x, n, LibM.Scalbln(x, n), Without(() => LibM.Scalbln(x, n)));
            }
        }

        // Then they agree bit for bit
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} mismatches:\n" + string.Join("\n", mismatches.Take(30)));
    }

    [Theory]
    [InlineData("cbrt", 0, "cbrt")]
    [InlineData(".[] | pow(.; 2)", 6, "pow(")]
    [InlineData("[1, 2] | map(jn(1; .))", 13, "jn(")]
    [InlineData("remainder(7; 2)", 0, "remainder(")]
    [InlineData("lgamma_r", 0, "lgamma_r")]
    public void Should_RefuseInexactLibmFunctionsWithACaret_When_LibmIsNotBound(string program, int offset, string at)
    {
        // Given a platform without libm.so.6 (simulated on this thread)
        using IDisposable missing = LibM.SimulateMissing();

        // When the program is compiled
        var e = Assert.Throws<JqParseException>(() => JqProgram.Compile(program));

        // Then it is refused at the call, naming the reason
        Assert.Equal(offset, e.Offset);
        Assert.StartsWith(at, program[e.Offset..], StringComparison.Ordinal);
        Assert.Contains("needs the C math library jq uses (libm.so.6)", e.Reason, StringComparison.Ordinal);
        Assert.Contains("^", e.Render(program), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_RunTheExactLibmFunctions_When_LibmIsNotBound()
    {
        // Given a platform without libm.so.6 (simulated on this thread)
        using IDisposable missing = LibM.SimulateMissing();

        // When exact functions run
        var results = JqProgram.Compile("[[2.5 | round, rint, nearbyint], [fmod(7; 3), fmod(-7; 2), fdim(7; 2)], (8 | frexp), (3.5 | modf), (1 | nextafter(.; 2))] | tojson")
            .RunAll(TrailSift.Core.Query.Jq.Values.JqValue.Null);

        // Then they give jq's answers (those of jq 1.7.1 on Linux)
        Assert.Equal("[[3,2,2],[1,-1,5],[0.5,4],[0.5,3],1.0000000000000002]", Assert.IsType<TrailSift.Core.Query.Jq.Values.JqString>(Assert.Single(results)).Value);
    }

    private static double Without(Func<double> f)
    {
        using IDisposable missing = LibM.SimulateMissing();
        return f();
    }

    private static double RandomDouble(Random random)
    {
        return random.Next(4) switch
        {
            0 => (random.NextDouble() - 0.5) * 200,
            1 => Math.Round((random.NextDouble() - 0.5) * 40) / 2, // halves: rounding ties
            2 => BitConverter.Int64BitsToDouble(random.NextInt64()), // any bit pattern, subnormals and huge values included
            _ => (random.NextDouble() - 0.5) * Math.Pow(2, random.Next(-1074, 1024)),
        };
    }
}
