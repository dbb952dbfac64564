using System.Buffers;
using TrailSift.Core.Events;

namespace TrailSift.Core.Analysis.Counting;

/// <summary>Writes one part of an event's group key: a string's UTF-8 text (returns true) or compact JSON (returns false).</summary>
public delegate bool GroupKeyWriter(EventRecord record, IBufferWriter<byte> output);
