using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using TrailSift.Core.Iam.Mapping;

namespace TrailSift.Testing;

/// <summary>
/// A canonical text of an <see cref="EventPermissions"/> (every field of the result, permissions and notes in their
/// order) and a SHA-256 over a sequence of them: the exactness oracle of the mapper's fast paths, where a digest
/// made by an earlier build of the mapper is the expectation.
/// </summary>
public sealed class MappingDigest : IDisposable
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly ArrayBufferWriter<byte> _buffer = new(1024);

    /// <summary>How many results were added.</summary>
    public int Count { get; private set; }

    /// <summary>Adds one result.</summary>
    public void Add(EventPermissions result)
    {
        _buffer.ResetWrittenCount();
        Write(result, _buffer);
        _hash.AppendData(_buffer.WrittenSpan);
        _hash.AppendData("\n"u8);
        Count++;
    }

    /// <summary>The first 16 hex digits of the SHA-256 of the results added so far, in lower case.</summary>
    public string Hex() => Convert.ToHexStringLower(_hash.GetCurrentHash())[..16];

    /// <summary>The canonical text of one result (one line of JSON).</summary>
    public static string Text(EventPermissions result)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        Write(result, buffer);
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <inheritdoc />
    public void Dispose() => _hash.Dispose();

    private static void Write(EventPermissions result, IBufferWriter<byte> output)
    {
        using var writer = new Utf8JsonWriter(output);
        writer.WriteStartArray();
        writer.WriteStringValue(result.Status.ToString());
        writer.WriteStringValue(result.ServicePrefix);
        writer.WriteStringValue(result.OperationName);
        WritePermissions(writer, result.Permissions);
        WritePermissions(writer, result.Implied);
        writer.WriteStartArray();
        foreach (CreatedResource created in result.Created)
        {
            writer.WriteStringValue(created.Arn);
            writer.WriteStringValue(created.ResourceType);
        }

        writer.WriteEndArray();
        writer.WriteStartArray();
        foreach (string note in result.Notes)
        {
            writer.WriteStringValue(note);
        }

        writer.WriteEndArray();
        writer.WriteEndArray();
    }

    private static void WritePermissions(Utf8JsonWriter writer, IEnumerable<RequiredPermission> permissions)
    {
        writer.WriteStartArray();
        foreach (RequiredPermission p in permissions)
        {
            writer.WriteStartArray();
            writer.WriteStringValue(p.Action);
            writer.WriteStringValue(p.Resource);
            writer.WriteStringValue(p.ResourceType);
            writer.WriteStringValue(p.Source.ToString());
            writer.WriteStringValue(p.Note);
            writer.WriteBooleanValue(p.Implied);
            writer.WriteStringValue(p.InstanceProfileArn);
            writer.WriteStringValue(p.CreateAction);
            writer.WriteEndArray();
        }

        writer.WriteEndArray();
    }
}
