using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Ingest.Core.Storage;

/// <summary>
/// Serialises a value to JSON straight into property-sized strings (<see cref="LargeText.MaxCharsPerProperty"/>
/// characters, cut as <see cref="LargeText.Chunk"/> cuts text): a large article's JSON is never one string of its whole
/// length, nor a buffer of it, on its way into rows. Each piece stays under the size of the large-object heap.
/// </summary>
internal static class JsonPieces
{
    /// <summary>The JSON of <paramref name="value"/> in pieces; null when it takes more than <paramref name="maxPieces"/> (the rest is dropped as it is written).</summary>
    public static List<string>? Serialize<T>(T value, JsonTypeInfo<T> typeInfo, int maxPieces = int.MaxValue)
    {
        var pieces = new PieceWriter(maxPieces);
        using (var writer = new Utf8JsonWriter(pieces, new JsonWriterOptions { Encoder = typeInfo.Options.Encoder, Indented = typeInfo.Options.WriteIndented }))
        {
            JsonSerializer.Serialize(writer, value, typeInfo);
        }

        return pieces.Complete();
    }

    /// <summary>Takes the writer's UTF-8 a small buffer at a time and decodes it into pieces.</summary>
    private sealed class PieceWriter(int maxPieces) : IBufferWriter<byte>
    {
        private const int BufferBytes = 16 * 1024;
        private const int PieceChars = LargeText.MaxCharsPerProperty;

        private readonly Decoder _decoder = Encoding.UTF8.GetDecoder();
        private readonly List<string> _pieces = [];
        // A piece is cut only once a character after it is known (as Chunk cuts): room for a piece, one buffer decoded and a
        // character the decoder held back.
        private readonly char[] _chars = new char[PieceChars + BufferBytes + 2];
        private int _charCount;
        private byte[] _bytes = new byte[BufferBytes];
        private int _byteCount;
        private bool _tooMany;

        public void Advance(int count) => _byteCount += count;

        public Memory<byte> GetMemory(int sizeHint = 0)
        {
            var start = Reserve(sizeHint);
            return _bytes.AsMemory(start);
        }

        public Span<byte> GetSpan(int sizeHint = 0)
        {
            var start = Reserve(sizeHint);
            return _bytes.AsSpan(start);
        }

        public List<string>? Complete()
        {
            Decode(flush: true);
            while (_charCount > 0)
            {
                Cut(LargeText.FirstPieceLength(_chars.AsSpan(0, _charCount), PieceChars));
            }

            return _tooMany ? null : _pieces;
        }

        /// <summary>Makes room for <paramref name="sizeHint"/> bytes (it may replace the buffer); returns where they go.</summary>
        private int Reserve(int sizeHint)
        {
            if (_bytes.Length - _byteCount >= Math.Max(sizeHint, 1))
            {
                return _byteCount;
            }

            Decode(flush: false);
            if (_bytes.Length < sizeHint)
            {
                // One value longer than the buffer (a paragraph of a megabyte): the writer wants it in one span.
                _bytes = new byte[sizeHint];
            }

            return 0;
        }

        private void Decode(bool flush)
        {
            var bytes = _bytes.AsSpan(0, _byteCount);
            do
            {
                var slice = bytes[..Math.Min(bytes.Length, BufferBytes)];
                bytes = bytes[slice.Length..];
                _charCount += _decoder.GetChars(slice, _chars.AsSpan(_charCount), flush && bytes.IsEmpty);
                while (_charCount > PieceChars)
                {
                    Cut(LargeText.FirstPieceLength(_chars.AsSpan(0, _charCount), PieceChars));
                }
            }
            while (!bytes.IsEmpty);

            _byteCount = 0;
        }

        private void Cut(int length)
        {
            _tooMany |= _pieces.Count == maxPieces;
            if (!_tooMany)
            {
                _pieces.Add(new string(_chars, 0, length));
            }

            _charCount -= length;
            _chars.AsSpan(length, _charCount).CopyTo(_chars);
        }
    }
}
