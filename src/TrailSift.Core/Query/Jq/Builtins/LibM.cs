using System.Runtime.InteropServices;

namespace TrailSift.Core.Query.Jq.Builtins;

/// <summary>The C math library jq links against, for functions whose last bits .NET computes differently.</summary>
internal static class LibM
{
    private const string Lib = "libm.so.6";

    [DllImport(Lib, EntryPoint = "expm1")] public static extern double Expm1(double x);
    [DllImport(Lib, EntryPoint = "log1p")] public static extern double Log1p(double x);
    [DllImport(Lib, EntryPoint = "exp2")] public static extern double Exp2(double x);
    [DllImport(Lib, EntryPoint = "exp10")] public static extern double Exp10(double x);
    [DllImport(Lib, EntryPoint = "lgamma")] public static extern double Lgamma(double x);
    [DllImport(Lib, EntryPoint = "tgamma")] public static extern double Tgamma(double x);
    [DllImport(Lib, EntryPoint = "lgamma_r")] public static extern double LgammaR(double x, out int sign);
    [DllImport(Lib, EntryPoint = "j0")] public static extern double J0(double x);
    [DllImport(Lib, EntryPoint = "j1")] public static extern double J1(double x);
    [DllImport(Lib, EntryPoint = "y0")] public static extern double Y0(double x);
    [DllImport(Lib, EntryPoint = "y1")] public static extern double Y1(double x);
    [DllImport(Lib, EntryPoint = "significand")] public static extern double Significand(double x);
    [DllImport(Lib, EntryPoint = "logb")] public static extern double Logb(double x);
    [DllImport(Lib, EntryPoint = "nearbyint")] public static extern double Nearbyint(double x);
    [DllImport(Lib, EntryPoint = "rint")] public static extern double Rint(double x);
    [DllImport(Lib, EntryPoint = "round")] public static extern double Round(double x);
    [DllImport(Lib, EntryPoint = "hypot")] public static extern double Hypot(double x, double y);
    [DllImport(Lib, EntryPoint = "fmod")] public static extern double Fmod(double x, double y);
    [DllImport(Lib, EntryPoint = "fdim")] public static extern double Fdim(double x, double y);
    [DllImport(Lib, EntryPoint = "remainder")] public static extern double Remainder(double x, double y);
    [DllImport(Lib, EntryPoint = "nextafter")] public static extern double Nextafter(double x, double y);
    [DllImport(Lib, EntryPoint = "scalb")] public static extern double Scalb(double x, double y);
    [DllImport(Lib, EntryPoint = "scalbln")] public static extern double Scalbln(double x, long y);
    [DllImport(Lib, EntryPoint = "ldexp")] public static extern double Ldexp(double x, int y);
    [DllImport(Lib, EntryPoint = "frexp")] public static extern double Frexp(double x, out int e);
    [DllImport(Lib, EntryPoint = "modf")] public static extern double Modf(double x, out double ip);
    [DllImport(Lib, EntryPoint = "cbrt")] public static extern double Cbrt(double x);
    [DllImport(Lib, EntryPoint = "pow")] public static extern double Pow(double x, double y);
}
