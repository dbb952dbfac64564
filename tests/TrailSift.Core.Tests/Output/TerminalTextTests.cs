using TrailSift.Core.Output;

namespace TrailSift.Core.Tests.Output;

public sealed class TerminalTextTests
{
    [Fact]
    public void Should_Escape_Every_C0_And_C1_Control_When_Escaping()
    {
        for (int c = 0; c <= 0x9f; c++)
        {
            if (c is >= 0x20 and < 0x7f || c == '\n')
            {
                continue;
            }

            string escaped = TerminalText.Escape("a" + (char)c + "b");
            string expected = c < 0x80 ? $"a\\x{c:x2}b" : $"a\\u{c:x4}b";
            Assert.Equal(expected, escaped);
        }
    }

    [Fact]
    public void Should_Keep_Line_Feeds_Unless_Single_Line()
    {
        Assert.Equal("a\nb", TerminalText.Escape("a\nb"));
        Assert.Equal("a\\x0ab", TerminalText.Escape("a\nb", singleLine: true));
    }

    [Fact]
    public void Should_Escape_Style_Markers_When_They_Come_From_Content()
    {
        Assert.Equal("\\ufdd1x", TerminalText.Escape(TerminalText.Bold + "x"));
    }

    [Theory]
    [InlineData("abc", 3)]
    [InlineData("日本語", 6)]
    [InlineData("ｶﾀｶﾅ", 4)]
    [InlineData("한국", 4)]
    [InlineData("e\u0301", 1)]
    [InlineData("🙂x", 3)]
    [InlineData("\uFDD1bold\uFDD0", 4)]
    public void Should_Count_Terminal_Columns_When_Measuring(string text, int width)
    {
        Assert.Equal(width, TerminalText.DisplayWidth(text));
    }

    [Fact]
    public void Should_Align_Columns_By_Display_Width_When_Cells_Are_Wide()
    {
        // Given
        var w = new StringWriter { NewLine = "\n" };

        // When
        TableWriter.WriteTable(w, ["name", "n"], [["日本", "1"], ["abcd", "2"], ["x", "3"]], color: false);

        // Then every second column starts at the same terminal column
        string[] lines = w.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines, l => Assert.Equal(6, TerminalText.DisplayWidth(l[..^1])));
    }

    [Fact]
    public void Should_Translate_Markers_And_Escape_Content_When_Writing()
    {
        var inner = new StringWriter();
        var colored = new TerminalTextWriter(inner, color: true);
        colored.Write(TerminalText.Bold + "a\u001b]0;t\u0007" + TerminalText.Reset);
        colored.Write('\u009b');
        Assert.Equal("\u001b[1ma\\x1b]0;t\\x07\u001b[0m\\u009b", inner.ToString());

        var plain = new StringWriter();
        new TerminalTextWriter(plain, color: false).Write(TerminalText.Red + "x" + TerminalText.Reset + TerminalText.LineStart + TerminalText.ClearToEnd);
        Assert.Equal("x\r\u001b[K", plain.ToString());
    }

    [Fact]
    public void Should_Leave_Text_Untouched_When_It_Is_Safe()
    {
        string text = "arn:aws:iam::123456789012:role/日本 \"quoted\" \\ tab-free\n";
        var inner = new StringWriter();
        new TerminalTextWriter(inner, color: false).Write(text.AsSpan());
        Assert.Equal(text, inner.ToString());
        Assert.Same(text, TerminalText.Escape(text));
    }
}
