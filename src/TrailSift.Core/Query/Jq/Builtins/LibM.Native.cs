using System.Runtime.InteropServices;

namespace TrailSift.Core.Query.Jq.Builtins;

/// <summary>The libm.so.6 entry points (Linux).</summary>
internal static partial class LibM
{
    [DllImport(Lib, EntryPoint = "expm1")] private static extern double CExpm1(double x);
    [DllImport(Lib, EntryPoint = "log1p")] private static extern double CLog1p(double x);
    [DllImport(Lib, EntryPoint = "exp2")] private static extern double CExp2(double x);
    [DllImport(Lib, EntryPoint = "exp10")] private static extern double CExp10(double x);
    [DllImport(Lib, EntryPoint = "lgamma")] private static extern double CLgamma(double x);
    [DllImport(Lib, EntryPoint = "tgamma")] private static extern double CTgamma(double x);
    [DllImport(Lib, EntryPoint = "lgamma_r")] private static extern double CLgammaR(double x, out int sign);
    [DllImport(Lib, EntryPoint = "j0")] private static extern double CJ0(double x);
    [DllImport(Lib, EntryPoint = "j1")] private static extern double CJ1(double x);
    [DllImport(Lib, EntryPoint = "y0")] private static extern double CY0(double x);
    [DllImport(Lib, EntryPoint = "y1")] private static extern double CY1(double x);
    [DllImport(Lib, EntryPoint = "jn")] private static extern double CJn(int n, double x);
    [DllImport(Lib, EntryPoint = "yn")] private static extern double CYn(int n, double x);
    [DllImport(Lib, EntryPoint = "erf")] private static extern double CErf(double x);
    [DllImport(Lib, EntryPoint = "erfc")] private static extern double CErfc(double x);
    [DllImport(Lib, EntryPoint = "significand")] private static extern double CSignificand(double x);
    [DllImport(Lib, EntryPoint = "logb")] private static extern double CLogb(double x);
    [DllImport(Lib, EntryPoint = "nearbyint")] private static extern double CNearbyint(double x);
    [DllImport(Lib, EntryPoint = "rint")] private static extern double CRint(double x);
    [DllImport(Lib, EntryPoint = "round")] private static extern double CRound(double x);
    [DllImport(Lib, EntryPoint = "hypot")] private static extern double CHypot(double x, double y);
    [DllImport(Lib, EntryPoint = "fmod")] private static extern double CFmod(double x, double y);
    [DllImport(Lib, EntryPoint = "fdim")] private static extern double CFdim(double x, double y);
    [DllImport(Lib, EntryPoint = "remainder")] private static extern double CRemainder(double x, double y);
    [DllImport(Lib, EntryPoint = "nextafter")] private static extern double CNextafter(double x, double y);
    [DllImport(Lib, EntryPoint = "scalb")] private static extern double CScalb(double x, double y);
    [DllImport(Lib, EntryPoint = "scalbln")] private static extern double CScalbln(double x, long y);
    [DllImport(Lib, EntryPoint = "ldexp")] private static extern double CLdexp(double x, int y);
    [DllImport(Lib, EntryPoint = "frexp")] private static extern double CFrexp(double x, out int e);
    [DllImport(Lib, EntryPoint = "modf")] private static extern double CModf(double x, out double ip);
    [DllImport(Lib, EntryPoint = "cbrt")] private static extern double CCbrt(double x);
    [DllImport(Lib, EntryPoint = "pow")] private static extern double CPow(double x, double y);
}
