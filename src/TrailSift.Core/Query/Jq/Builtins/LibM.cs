using System.Runtime.InteropServices;

namespace TrailSift.Core.Query.Jq.Builtins;

/// <summary>
/// The C math library jq links against, for functions whose last bits .NET computes differently. It is bound on Linux
/// (glibc's <c>libm.so.6</c>, what jq uses there). Elsewhere, a function whose result IEEE 754 defines exactly (rounding,
/// remainders, scaling, splitting a number) is computed in C#; the others are refused at parse time (<see cref="Refusal"/>)
/// rather than computed with different last bits.
/// </summary>
internal static partial class LibM
{
    private const string Lib = "libm.so.6";

    // jq names whose libm function has no exact managed equivalent: refused where libm.so.6 is not bound.
    private static readonly HashSet<string> NeedsLibM = new(StringComparer.Ordinal)
    {
        "cbrt/0", "exp2/0", "exp10/0", "pow10/0", "expm1/0", "log1p/0", "gamma/0", "lgamma/0", "tgamma/0", "lgamma_r/0",
        "j0/0", "j1/0", "y0/0", "y1/0", "jn/2", "yn/2", "erf/0", "erfc/0", "hypot/2", "pow/2",

        // IEEE defines the value, but glibc's algorithm gives -0 for some zero results of a tiny divisor (measured).
        "remainder/2", "drem/2",
    };

    private static readonly bool Bound = OperatingSystem.IsLinux() && NativeLibrary.TryLoad(Lib, out _);

    [ThreadStatic]
    private static bool t_simulateMissing;

    /// <summary>Whether libm.so.6 is bound (Linux); false on this thread while <see cref="SimulateMissing"/> is set (tests).</summary>
    public static bool Available => Bound && !t_simulateMissing;

    /// <summary>Makes this thread behave as on a platform without libm.so.6 until disposed (tests of the fallback).</summary>
    public static IDisposable SimulateMissing()
    {
        t_simulateMissing = true;
        return new Restore();
    }

    /// <summary>Why a call to <paramref name="name"/>/<paramref name="arity"/> cannot be compiled here, or null.</summary>
    public static string? Refusal(string name, int arity) => !Available && NeedsLibM.Contains(name + "/" + arity)
        ? $"{name}/{arity} needs the C math library jq uses (libm.so.6), which TrailSift binds only on Linux; not available on this platform"
        : null;

    public static double Round(double x) => Available ? CRound(x) : Math.Round(x, MidpointRounding.AwayFromZero);

    public static double Rint(double x) => Available ? CRint(x) : Math.Round(x, MidpointRounding.ToEven);

    public static double Nearbyint(double x) => Available ? CNearbyint(x) : Math.Round(x, MidpointRounding.ToEven);

    public static double Fmod(double x, double y) => Available ? CFmod(x, y) : x % y;

    public static double Fdim(double x, double y) => Available ? CFdim(x, y) : Managed.Fdim(x, y);

    public static double Nextafter(double x, double y) => Available ? CNextafter(x, y) : Managed.Nextafter(x, y);

    public static double Scalb(double x, double y) => Available ? CScalb(x, y) : Managed.Scalb(x, y);

    public static double Scalbln(double x, long y) => Available ? CScalbln(x, y) : Managed.ScaleB(x, y);

    public static double Ldexp(double x, int y) => Available ? CLdexp(x, y) : Managed.ScaleB(x, y);

    public static double Frexp(double x, out int e) => Available ? CFrexp(x, out e) : Managed.Frexp(x, out e);

    public static double Modf(double x, out double ip) => Available ? CModf(x, out ip) : Managed.Modf(x, out ip);

    public static double Logb(double x) => Available ? CLogb(x) : Managed.Logb(x);

    public static double Significand(double x) => Available ? CSignificand(x) : Managed.Significand(x);

    // Functions refused where libm is not bound (NeedsLibM): called only after compilation succeeded.
    public static double Expm1(double x) => CExpm1(x);

    public static double Log1p(double x) => CLog1p(x);

    public static double Exp2(double x) => CExp2(x);

    public static double Exp10(double x) => CExp10(x);

    public static double Lgamma(double x) => CLgamma(x);

    public static double Tgamma(double x) => CTgamma(x);

    public static double LgammaR(double x, out int sign) => CLgammaR(x, out sign);

    public static double J0(double x) => CJ0(x);

    public static double J1(double x) => CJ1(x);

    public static double Y0(double x) => CY0(x);

    public static double Y1(double x) => CY1(x);

    public static double Jn(int n, double x) => CJn(n, x);

    public static double Yn(int n, double x) => CYn(n, x);

    public static double Erf(double x) => CErf(x);

    public static double Erfc(double x) => CErfc(x);

    public static double Hypot(double x, double y) => CHypot(x, y);

    public static double Remainder(double x, double y) => CRemainder(x, y);

    public static double Cbrt(double x) => CCbrt(x);

    public static double Pow(double x, double y) => CPow(x, y);

    private sealed class Restore : IDisposable
    {
        public void Dispose() => t_simulateMissing = false;
    }
}
