using System.Globalization;

namespace TrailSift.Core.Query.Jq.Support;

/// <content>strptime with glibc's parsing rules in the C locale, and jq's handling of its result.</content>
public static partial class JqTime
{
    /// <summary>
    /// jq's <c>strptime</c>: parses <paramref name="input"/> with glibc's rules (C locale), then applies jq's own rule
    /// on what is left (whitespace and more is returned as <see cref="JqParsedTime.Rest"/>, anything else fails).
    /// Conversions TrailSift does not implement (%U, %W, %V, %c, %x, %X, %r, %E*, %O* ...) are refused with
    /// NotSupportedException. <paramref name="zone"/> is the process time zone (for %s).
    /// </summary>
    public static JqParsedTime StrPTime(string input, string format, TimeZoneInfo zone)
    {
        var s = new ParseState { Year = 0, WeekDay = 8, YearDay = 367, Century = -1 };
        int end = ParseInto(input, 0, format, ref s, zone);
        if (end < 0 || (end < input.Length && !IsCSpace(input[end])))
        {
            throw new JqTimeException("date \"" + input + "\" does not match format \"" + format + "\"");
        }

        // glibc's completion of the fields.
        if (s.HaveI && s.IsPm)
        {
            s.Hour += 12;
        }

        if (s.Century != -1)
        {
            s.Year = s.WantCentury ? (s.Year % 100) + ((s.Century - 19) * 100) : (s.Century - 19) * 100;
        }

        long year = s.Year + 1900;
        if (s.WantXDay && !s.HaveWDay)
        {
            if (!(s.HaveMon && s.HaveMDay) && s.HaveYDay)
            {
                int month = 0;
                while (month < 12 && CivilCalendar.YearDay(year, month + 1, 1) <= s.YearDay)
                {
                    month++;
                }

                if (!s.HaveMon)
                {
                    s.Mon = month - 1;
                }

                if (!s.HaveMDay)
                {
                    s.MDay = (int)(s.YearDay - CivilCalendar.YearDay(year, month, 1) + 1);
                }

                s.HaveMon = s.HaveMDay = true;
            }

            s.WeekDay = CivilCalendar.WeekDay(CivilCalendar.DaysFromCivil(year, s.Mon + 1, 1) + s.MDay - 1);
        }

        if (s.WantXDay && !s.HaveYDay)
        {
            s.YearDay = (int)(CivilCalendar.DaysFromCivil(year, s.Mon + 1, 1) - CivilCalendar.DaysFromCivil(year, 1, 1) + s.MDay - 1);
        }

        var tm = new JqBrokenDownTime(year, s.Mon, s.MDay, s.Hour, s.Min, s.Sec, s.WeekDay, s.YearDay);
        return new JqParsedTime(tm, end < input.Length ? input[end..] : null);
    }

    private struct ParseState
    {
        public long Year;
        public int Mon, MDay, Hour, Min, Sec, WeekDay, YearDay, Century;
        public bool HaveI, IsPm, WantCentury, WantXDay, HaveWDay, HaveYDay, HaveMon, HaveMDay;
    }

    private static bool IsCSpace(char c) => c is ' ' or '\t' or '\n' or '\v' or '\f' or '\r';

    /// <summary>glibc's __strptime_internal; returns the input position after the format, or -1.</summary>
    private static int ParseInto(string input, int rp, string format, ref ParseState s, TimeZoneInfo zone)
    {
        for (int f = 0; f < format.Length;)
        {
            char fc = format[f];
            if (IsCSpace(fc))
            {
                while (rp < input.Length && IsCSpace(input[rp]))
                {
                    rp++;
                }

                f++;
                continue;
            }

            if (fc != '%')
            {
                if (rp >= input.Length || input[rp] != fc)
                {
                    return -1;
                }

                rp++;
                f++;
                continue;
            }

            f++;
            while (f < format.Length && format[f] is '-' or '_' or '0' or '^' or '#')
            {
                f++;
            }

            while (f < format.Length && char.IsAsciiDigit(format[f]))
            {
                f++;
            }

            if (f >= format.Length)
            {
                return -1;
            }

            char conversion = format[f++];
            int val;
            switch (conversion)
            {
                case '%':
                    if (rp >= input.Length || input[rp] != '%')
                    {
                        return -1;
                    }

                    rp++;
                    break;
                case 'n' or 't':
                    while (rp < input.Length && IsCSpace(input[rp]))
                    {
                        rp++;
                    }

                    break;
                case 'a' or 'A':
                    if ((val = MatchName(input, ref rp, Days)) < 0)
                    {
                        return -1;
                    }

                    s.WeekDay = val;
                    s.HaveWDay = true;
                    break;
                case 'b' or 'B' or 'h':
                    if ((val = MatchName(input, ref rp, Months)) < 0)
                    {
                        return -1;
                    }

                    s.Mon = val;
                    s.HaveMon = s.WantXDay = true;
                    break;
                case 'C':
                    if (!GetNumber(input, ref rp, 0, 99, 2, out val))
                    {
                        return -1;
                    }

                    s.Century = val;
                    s.WantXDay = true;
                    break;
                case 'd' or 'e':
                    if (!GetNumber(input, ref rp, 1, 31, 2, out val))
                    {
                        return -1;
                    }

                    s.MDay = val;
                    s.HaveMDay = s.WantXDay = true;
                    break;
                case 'D':
                    if ((rp = ParseInto(input, rp, "%m/%d/%y", ref s, zone)) < 0)
                    {
                        return -1;
                    }

                    break;
                case 'F':
                    if ((rp = ParseInto(input, rp, "%Y-%m-%d", ref s, zone)) < 0)
                    {
                        return -1;
                    }

                    break;
                case 'H' or 'k':
                    if (!GetNumber(input, ref rp, 0, 23, 2, out val))
                    {
                        return -1;
                    }

                    s.Hour = val;
                    s.HaveI = false;
                    break;
                case 'I' or 'l':
                    if (!GetNumber(input, ref rp, 1, 12, 2, out val))
                    {
                        return -1;
                    }

                    s.Hour = val % 12;
                    s.HaveI = true;
                    break;
                case 'j':
                    if (!GetNumber(input, ref rp, 1, 366, 3, out val))
                    {
                        return -1;
                    }

                    s.YearDay = val - 1;
                    s.HaveYDay = true;
                    break;
                case 'm':
                    if (!GetNumber(input, ref rp, 1, 12, 2, out val))
                    {
                        return -1;
                    }

                    s.Mon = val - 1;
                    s.HaveMon = s.WantXDay = true;
                    break;
                case 'M':
                    if (!GetNumber(input, ref rp, 0, 59, 2, out val))
                    {
                        return -1;
                    }

                    s.Min = val;
                    break;
                case 'p':
                    if (MatchWord(input, ref rp, "AM"))
                    {
                        s.IsPm = false;
                    }
                    else if (MatchWord(input, ref rp, "PM"))
                    {
                        s.IsPm = true;
                    }
                    else
                    {
                        return -1;
                    }

                    break;
                case 'R':
                    if ((rp = ParseInto(input, rp, "%H:%M", ref s, zone)) < 0)
                    {
                        return -1;
                    }

                    break;
                case 's':
                    {
                        int start = rp;
                        if (rp < input.Length && input[rp] == '-')
                        {
                            rp++;
                        }

                        while (rp < input.Length && char.IsAsciiDigit(input[rp]))
                        {
                            rp++;
                        }

                        if (rp == start || !long.TryParse(input.AsSpan(start, rp - start), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long secs))
                        {
                            return -1;
                        }

                        JqBrokenDownTime lt = LocalTime(secs, zone);
                        s.Year = (long)lt.Year - 1900;
                        s.Mon = (int)lt.Month;
                        s.MDay = (int)lt.Day;
                        s.Hour = (int)lt.Hour;
                        s.Min = (int)lt.Minute;
                        s.Sec = (int)lt.Second;
                        s.WeekDay = (int)lt.WeekDay;
                        s.YearDay = (int)lt.YearDay;
                        break;
                    }

                case 'S':
                    if (!GetNumber(input, ref rp, 0, 61, 2, out val))
                    {
                        return -1;
                    }

                    s.Sec = val;
                    break;
                case 'T':
                    if ((rp = ParseInto(input, rp, "%H:%M:%S", ref s, zone)) < 0)
                    {
                        return -1;
                    }

                    break;
                case 'y':
                    if (!GetNumber(input, ref rp, 0, 99, 2, out val))
                    {
                        return -1;
                    }

                    s.Year = val >= 69 ? val : val + 100;
                    s.WantCentury = s.WantXDay = true;
                    break;
                case 'Y':
                    if (!GetNumber(input, ref rp, 0, 9999, 4, out val))
                    {
                        return -1;
                    }

                    s.Year = val - 1900;
                    s.WantCentury = false;
                    s.WantXDay = true;
                    break;
                case 'z':
                    if (!SkipZoneOffset(input, ref rp))
                    {
                        return -1;
                    }

                    break;
                case 'Z':
                    while (rp < input.Length && IsCSpace(input[rp]))
                    {
                        rp++;
                    }

                    while (rp < input.Length && !IsCSpace(input[rp]))
                    {
                        rp++;
                    }

                    break;
                default:
                    throw new NotSupportedException("strptime's %" + conversion + " is not supported by TrailSift");
            }
        }

        return rp;
    }

    /// <summary>glibc's get_number: skips spaces, reads up to <paramref name="digits"/> digits within [from, to].</summary>
    private static bool GetNumber(string input, ref int rp, int from, int to, int digits, out int val)
    {
        val = 0;
        while (rp < input.Length && IsCSpace(input[rp]))
        {
            rp++;
        }

        if (rp >= input.Length || !char.IsAsciiDigit(input[rp]))
        {
            return false;
        }

        int n = digits;
        do
        {
            val = (val * 10) + (input[rp++] - '0');
        }
        while (--n > 0 && val * 10 <= to && rp < input.Length && char.IsAsciiDigit(input[rp]));
        return val >= from && val <= to;
    }

    /// <summary>A full or abbreviated English name, case-insensitive (full names first, as glibc tries).</summary>
    private static int MatchName(string input, ref int rp, string[] names)
    {
        for (int i = 0; i < names.Length; i++)
        {
            if (MatchWord(input, ref rp, names[i]) || MatchWord(input, ref rp, names[i][..3]))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool MatchWord(string input, ref int rp, string word)
    {
        if (string.Compare(input, rp, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) == 0 && rp + word.Length <= input.Length)
        {
            rp += word.Length;
            return true;
        }

        return false;
    }

    /// <summary>glibc's %z: Z, or +hh, +hhmm, +hh:mm (jq ignores the offset).</summary>
    private static bool SkipZoneOffset(string input, ref int rp)
    {
        while (rp < input.Length && IsCSpace(input[rp]))
        {
            rp++;
        }

        if (rp < input.Length && input[rp] == 'Z')
        {
            rp++;
            return true;
        }

        if (rp >= input.Length || input[rp] is not ('+' or '-'))
        {
            return false;
        }

        rp++;
        int n = 0, val = 0;
        while (n < 4 && rp < input.Length && char.IsAsciiDigit(input[rp]))
        {
            val = (val * 10) + (input[rp++] - '0');
            n++;
            if (n == 2 && rp < input.Length && input[rp] == ':')
            {
                rp++;
            }
        }

        if (n == 2)
        {
            val *= 100;
        }
        else if (n != 4)
        {
            return false;
        }

        return val % 100 < 60 && val / 100 <= 99;
    }
}
