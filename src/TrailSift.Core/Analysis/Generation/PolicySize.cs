using System.Buffers;
using System.Text;
using System.Text.Json;
using TrailSift.Core.Iam.Policy;

namespace TrailSift.Core.Analysis.Generation;

/// <summary>Measures policies the way IAM's size quota does: characters of the JSON, whitespace not counted.</summary>
/// <remarks>Stateless; thread-safe.</remarks>
public static class PolicySize
{
    /// <summary>The size of a document: counted as the compact JSON is written, without keeping its bytes or text.</summary>
    public static int Of(PolicyDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var counter = new NonWhitespaceCounter();
        using (var writer = new Utf8JsonWriter(counter, PolicyWriter.GetOptions(indented: false)))
        {
            PolicyWriter.Write(document, writer);
        }

        return counter.Count();
    }

    /// <summary>The size of one statement object.</summary>
    public static int Of(Statement statement) =>
        Of(new PolicyDocument { Version = PolicyDocument.Version2012, Statements = [statement] }) - EmptyDocumentSize;

    /// <summary>The size of <c>{"Version":"2012-10-17","Statement":[]}</c>.</summary>
    public static int EmptyDocumentSize { get; } = CountNonWhitespace(PolicyWriter.WriteToString(
        new PolicyDocument { Version = PolicyDocument.Version2012, Statements = [] }, indented: false));

    /// <summary>Characters of <paramref name="text"/> that are not whitespace.</summary>
    public static int CountNonWhitespace(string text) => CountNonWhitespace(text.AsSpan());

    private static int CountNonWhitespace(ReadOnlySpan<char> text)
    {
        int n = 0;
        foreach (char c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                n++;
            }
        }

        return n;
    }

    /// <summary>
    /// Takes UTF-8 bytes as a writer hands them over and counts the non-whitespace characters of their text (decoded as
    /// <see cref="Encoding.UTF8"/> decodes the whole), through one pooled buffer.
    /// </summary>
    private sealed class NonWhitespaceCounter : IBufferWriter<byte>, IDisposable
    {
        private readonly Decoder _decoder = Encoding.UTF8.GetDecoder();
        private byte[] _buffer = ArrayPool<byte>.Shared.Rent(4096);
        private int _count;

        public Memory<byte> GetMemory(int sizeHint = 0)
        {
            if (sizeHint > _buffer.Length)
            {
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = ArrayPool<byte>.Shared.Rent(sizeHint);
            }

            return _buffer;
        }

        public Span<byte> GetSpan(int sizeHint = 0) => GetMemory(sizeHint).Span;

        public void Advance(int count) => Decode(_buffer.AsSpan(0, count), flush: false);

        /// <summary>The count, once every byte is handed over.</summary>
        public int Count()
        {
            Decode([], flush: true);
            return _count;
        }

        public void Dispose() => ArrayPool<byte>.Shared.Return(_buffer);

        private void Decode(ReadOnlySpan<byte> bytes, bool flush)
        {
            Span<char> chars = stackalloc char[1024];
            bool completed;
            do
            {
                _decoder.Convert(bytes, chars, flush, out int used, out int made, out completed);
                _count += CountNonWhitespace(chars[..made]);
                bytes = bytes[used..];
            }
            while (!completed);
        }
    }
}
