using TrailSift.Core.Query.Jq.Runtime;
using TrailSift.Core.Query.Jq.Values;

namespace TrailSift.Core.Query.Jq.Builtins;

/// <summary>The libm functions jq 1.7.1 exposes.</summary>
internal static partial class JqNatives
{
    private static void AddMath(Action<JqNative> add)
    {
        void M1(string name, Func<double, double> f) => add(new ValueNative(name, 0, (v, _) => JqNumber.Of(f(Num(v)))));
        void M2(string name, Func<double, double, double> f) => add(new ValueNative(name, 2, (_, a) => JqNumber.Of(f(Num(a[0]), Num(a[1])))));

        M1("floor", Math.Floor);
        M1("ceil", Math.Ceiling);
        M1("round", LibM.Round);
        M1("rint", LibM.Rint);
        M1("nearbyint", LibM.Nearbyint);
        M1("trunc", Math.Truncate);
        M1("fabs", Math.Abs);
        M1("sqrt", Math.Sqrt);
        M1("cbrt", LibM.Cbrt);
        M1("exp", Math.Exp);
        M1("exp2", LibM.Exp2);
        M1("exp10", LibM.Exp10);
        M1("pow10", LibM.Exp10);
        M1("expm1", LibM.Expm1);
        M1("log", Math.Log);
        M1("log2", Math.Log2);
        M1("log10", Math.Log10);
        M1("log1p", LibM.Log1p);
        M1("logb", LibM.Logb);
        M1("significand", LibM.Significand);
        M1("j0", LibM.J0);
        M1("j1", LibM.J1);
        M1("y0", LibM.Y0);
        M1("y1", LibM.Y1);
        M1("sin", Math.Sin);
        M1("cos", Math.Cos);
        M1("tan", Math.Tan);
        M1("asin", Math.Asin);
        M1("acos", Math.Acos);
        M1("atan", Math.Atan);
        M1("sinh", Math.Sinh);
        M1("cosh", Math.Cosh);
        M1("tanh", Math.Tanh);
        M1("asinh", Math.Asinh);
        M1("acosh", Math.Acosh);
        M1("atanh", Math.Atanh);
        M1("gamma", LibM.Lgamma);
        M1("lgamma", LibM.Lgamma);
        M1("tgamma", LibM.Tgamma);
        M2("pow", LibM.Pow);
        M2("atan2", Math.Atan2);
        M2("fmod", LibM.Fmod);
        M2("fmin", (a, b) => double.IsNaN(a) ? b : double.IsNaN(b) ? a : Math.Min(a, b));
        M2("fmax", (a, b) => double.IsNaN(a) ? b : double.IsNaN(b) ? a : Math.Max(a, b));
        M2("fdim", LibM.Fdim);
        M2("hypot", LibM.Hypot);
        M2("copysign", Math.CopySign);
        M2("nextafter", LibM.Nextafter);
        M2("nexttoward", LibM.Nextafter);
        M2("ldexp", (a, b) => LibM.Ldexp(a, (int)b));
        M2("scalb", LibM.Scalb);
        M2("scalbln", (a, b) => LibM.Scalbln(a, (long)b));
        M2("drem", LibM.Remainder);
        M2("remainder", LibM.Remainder);
        M1("erf", LibM.Erf);
        M1("erfc", LibM.Erfc);
        M2("jn", (n, x) => LibM.Jn((int)n, x));
        M2("yn", (n, x) => LibM.Yn((int)n, x));
        add(new ValueNative("fma", 3, (_, a) => JqNumber.Of(Math.FusedMultiplyAdd(Num(a[0]), Num(a[1]), Num(a[2])))));
        add(new ValueNative("frexp", 0, (v, _) =>
        {
            double m = LibM.Frexp(Num(v), out int e);
            return new JqArray(new JqValue[] { JqNumber.Of(m), JqNumber.Of(e) });
        }));
        add(new ValueNative("modf", 0, (v, _) =>
        {
            double f = LibM.Modf(Num(v), out double ip);
            return new JqArray(new JqValue[] { JqNumber.Of(f), JqNumber.Of(ip) });
        }));
        add(new ValueNative("lgamma_r", 0, (v, _) =>
        {
            double r = LibM.LgammaR(Num(v), out int sign);
            return new JqArray(new JqValue[] { JqNumber.Of(r), JqNumber.Of(sign) });
        }));
    }
}
