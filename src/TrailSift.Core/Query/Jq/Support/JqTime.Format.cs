using System.Globalization;
using System.Text;

namespace TrailSift.Core.Query.Jq.Support;

/// <content>strftime with glibc's conversions in the C locale.</content>
public static partial class JqTime
{
    private static readonly string[] Days = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
    private static readonly string[] Months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    /// <summary>
    /// jq's <c>strftime</c> (and <c>strflocaltime</c>, whose input jq first turns into a broken-down local time): glibc's
    /// conversions in the C locale, flags <c>_ - 0 ^ #</c>, widths, E/O modifiers ignored; unknown conversions are
    /// copied. As in jq, <c>%z</c> is always +0000 and <c>%Z</c> is the standard abbreviation of the process zone
    /// (<paramref name="zone"/>; only UTC is known to TrailSift, other zones are refused with NotSupportedException);
    /// <c>%s</c> reads the fields as local time in <paramref name="zone"/>.
    /// </summary>
    public static string StrFTime(JqBrokenDownTime tm, string format, TimeZoneInfo zone)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < format.Length; i++)
        {
            char c = format[i];
            if (c != '%' || i + 1 >= format.Length)
            {
                sb.Append(c);
                continue;
            }

            int start = i++;
            char flag = '\0';
            while (i < format.Length && format[i] is '_' or '-' or '0' or '^' or '#')
            {
                flag = format[i++];
            }

            int width = -1;
            while (i < format.Length && char.IsAsciiDigit(format[i]))
            {
                width = (Math.Max(width, 0) * 10) + (format[i++] - '0');
            }

            while (i < format.Length && format[i] is 'E' or 'O')
            {
                i++;
            }

            if (i >= format.Length)
            {
                sb.Append(format, start, format.Length - start);
                break;
            }

            string? text = Convert(format[i], tm, zone, flag, width);
            sb.Append(text ?? format[start..(i + 1)]);
        }

        string result = sb.ToString();
        if (result.Length == 0 || Encoding.UTF8.GetByteCount(result) >= Encoding.UTF8.GetByteCount(format) + 100)
        {
            throw new JqTimeException("strftime/1: unknown system failure");
        }

        return result;
    }

    private static string? Convert(char conversion, JqBrokenDownTime t, TimeZoneInfo zone, char flag, int width)
    {
        long year = JqBrokenDownTime.Int(t.Year), mon = JqBrokenDownTime.Int(t.Month), mday = JqBrokenDownTime.Int(t.Day);
        long hour = JqBrokenDownTime.Int(t.Hour), min = JqBrokenDownTime.Int(t.Minute), sec = JqBrokenDownTime.Int(t.Second);
        long wday = JqBrokenDownTime.Int(t.WeekDay), yday = JqBrokenDownTime.Int(t.YearDay);
        long hour12 = hour % 12 == 0 ? 12 : hour % 12;
        string Num(long v, int digits, char pad = '0') => Pad(v, digits, flag == '\0' ? pad : flag, width);
        string Text(string s) => Case(PadText(s, width, flag), flag);
        switch (conversion)
        {
            case 'a': return Text(wday is >= 0 and <= 6 ? Days[wday][..3] : "?");
            case 'A': return Text(wday is >= 0 and <= 6 ? Days[wday] : "?");
            case 'b' or 'h': return Text(mon is >= 0 and <= 11 ? Months[mon][..3] : "?");
            case 'B': return Text(mon is >= 0 and <= 11 ? Months[mon] : "?");
            case 'c': return Text(StrFTime(t, "%a %b %e %H:%M:%S %Y", zone));
            case 'C': return Num(CivilCalendar.FloorDiv(year, 100), 2);
            case 'd': return Num(mday, 2);
            case 'D': return Text(StrFTime(t, "%m/%d/%y", zone));
            case 'e': return Num(mday, 2, '_');
            case 'F': return Text(Pad(year, 4, '0', -1) + "-" + Pad(mon + 1, 2, '0', -1) + "-" + Pad(mday, 2, '0', -1));
            case 'g' or 'G' or 'V':
                {
                    (long isoYear, long days) = IsoWeek(year, yday, wday);
                    return conversion == 'G' ? Num(isoYear, 1) : conversion == 'g' ? Num(((isoYear % 100) + 100) % 100, 2) : Num((days / 7) + 1, 2);
                }

            case 'H': return Num(hour, 2);
            case 'I': return Num(hour12, 2);
            case 'j': return Num(yday + 1, 3);
            case 'k': return Num(hour, 2, '_');
            case 'l': return Num(hour12, 2, '_');
            case 'm': return Num(mon + 1, 2);
            case 'M': return Num(min, 2);
            case 'n': return "\n";
            case 'p': return Case(PadText(hour >= 12 ? "PM" : "AM", width, flag), flag == '#' ? '^' : flag) is var p && flag == '#' ? p.ToLowerInvariant() : p;
            case 'P': return PadText(hour >= 12 ? "pm" : "am", width, flag);
            case 'r': return Text(StrFTime(t, "%I:%M:%S %p", zone));
            case 'R': return Text(StrFTime(t, "%H:%M", zone));
            case 's':
                {
                    double local = MkTime(t);
                    long utc = (long)local - (long)OffsetAt(zone, (long)local).TotalSeconds;
                    return Num(utc, 1);
                }

            case 'S': return Num(sec, 2);
            case 't': return "\t";
            case 'T': return Text(StrFTime(t, "%H:%M:%S", zone));
            case 'u': return Num(((wday - 1 + 7) % 7) + 1, 1);
            case 'U': return Num((yday - wday + 7) / 7, 2);
            case 'w': return Num(wday, 1);
            case 'W': return Num((yday - ((wday - 1 + 7) % 7) + 7) / 7, 2);
            case 'x': return Text(StrFTime(t, "%m/%d/%y", zone));
            case 'X': return Text(StrFTime(t, "%H:%M:%S", zone));
            case 'y': return Num(((year % 100) + 100) % 100, 2);
            case 'Y': return Num(year, 1);
            case 'z': return Text("+0000");
            case 'Z': return Text(ZoneAbbreviation(zone));
            case '%': return "%";
            default: return null;
        }
    }

    private static string ZoneAbbreviation(TimeZoneInfo zone) =>
        zone.BaseUtcOffset == TimeSpan.Zero && !zone.SupportsDaylightSavingTime
            ? "UTC"
            : throw new NotSupportedException("strftime's %Z needs the abbreviation of time zone " + zone.Id + ", which TrailSift cannot know");

    /// <summary>glibc's ISO 8601 week-based year and days since its first Monday.</summary>
    private static (long Year, long Days) IsoWeek(long year, long yday, long wday)
    {
        static long IsoWeekDays(long yd, long wd)
        {
            const long BigEnoughMultipleOf7 = ((366 / 7) + 2) * 7;
            return yd - ((yd - wd + 4 + BigEnoughMultipleOf7) % 7) + 4 - 1;
        }

        long days = IsoWeekDays(yday, wday);
        if (days < 0)
        {
            year--;
            days = IsoWeekDays(yday + 365 + (CivilCalendar.IsLeap(year) ? 1 : 0), wday);
        }
        else
        {
            long d = IsoWeekDays(yday - (365 + (CivilCalendar.IsLeap(year) ? 1 : 0)), wday);
            if (d >= 0)
            {
                year++;
                days = d;
            }
        }

        return (year, days);
    }

    private static string Pad(long value, int digits, char pad, int width)
    {
        string s = Math.Abs(value).ToString(CultureInfo.InvariantCulture);
        int w = width >= 0 ? width : digits;
        if (pad != '-' && s.Length < w - (value < 0 ? 1 : 0))
        {
            s = new string(pad == '_' ? ' ' : '0', w - (value < 0 ? 1 : 0) - s.Length) + s;
        }

        if (value < 0)
        {
            s = pad == '_' ? s.TrimStart() is var tr ? new string(' ', s.Length - tr.Length) + "-" + tr : s : "-" + s;
        }

        return s;
    }

    private static string PadText(string s, int width, char flag) =>
        width > s.Length ? new string(flag == '0' ? '0' : ' ', width - s.Length) + s : s;

    private static string Case(string s, char flag) => flag switch
    {
        '^' => s.ToUpperInvariant(),
        '#' => s.Any(char.IsLower) ? s.ToUpperInvariant() : s.ToLowerInvariant(),
        _ => s,
    };
}
