namespace TrailSift.Core.Query.Jq.Builtins;

/// <summary>C# versions of the libm functions whose results IEEE 754 defines exactly (glibc's algorithms for the edge cases).</summary>
internal static partial class LibM
{
    /// <summary>Exact managed equivalents, used where libm.so.6 is not bound; tested bit for bit against glibc on Linux.</summary>
    public static class Managed
    {
        public static double Fdim(double x, double y) => double.IsNaN(x) || double.IsNaN(y) ? x + y : x > y ? x - y : 0.0;

        public static double Nextafter(double x, double y)
        {
            if (double.IsNaN(x) || double.IsNaN(y))
            {
                return x + y;
            }

            if (x == y)
            {
                return y;
            }

            if (x == 0)
            {
                return y > 0 ? double.Epsilon : -double.Epsilon;
            }

            return x < y ? Math.BitIncrement(x) : Math.BitDecrement(x);
        }

        // glibc __ieee754_scalb.
        public static double Scalb(double x, double fn)
        {
            if (double.IsNaN(x))
            {
                return x * fn;
            }

            if (!double.IsFinite(fn))
            {
                if (double.IsNaN(fn) || fn > 0)
                {
                    return x * fn;
                }

                return x == 0 ? x : x / -fn;
            }

            if (Math.Abs(fn) >= 2147483648.0 || Math.Truncate(fn) != fn)
            {
                return Math.Round(fn, MidpointRounding.ToEven) != fn ? double.NaN : Math.ScaleB(x, fn > 65000 ? 65000 : -65000);
            }

            return Math.ScaleB(x, (int)fn);
        }

        public static double ScaleB(double x, long n) => Math.ScaleB(x, (int)Math.Clamp(n, int.MinValue, int.MaxValue));

        public static double Frexp(double x, out int e)
        {
            if (x == 0 || !double.IsFinite(x))
            {
                e = 0;
                return x;
            }

            e = Math.ILogB(x) + 1;
            return Math.ScaleB(x, -e);
        }

        public static double Modf(double x, out double ip)
        {
            ip = Math.Truncate(x);
            if (double.IsNaN(x))
            {
                return x;
            }

            return ip == x ? Math.CopySign(0.0, x) : x - ip;
        }

        public static double Logb(double x) => x == 0 ? double.NegativeInfinity : double.IsNaN(x) ? x : double.IsInfinity(x) ? double.PositiveInfinity : Math.ILogB(x);

        public static double Significand(double x) => x == 0 || !double.IsFinite(x) ? x : Math.ScaleB(x, -Math.ILogB(x));
    }
}
