using System.Buffers;

namespace Ingest.Core.Normalisation;

/// <summary>
/// A growing run of characters written into a rented array: the working copy of a text on its way to the one string that
/// is the result, so that a page's worth of text (a large-object allocation) is allocated once, not once per stage.
/// Arrays past <see cref="LargestPooled"/> characters are allocated, not rented: the shared pool would keep a large
/// file's buffer alive long after the file.
/// </summary>
internal ref struct PooledChars
{
    private const int LargestPooled = 1 << 20;

    private char[]? _chars;

    public PooledChars(int capacity) => _chars = Rent(Math.Max(capacity, 16));

    /// <summary>Whether a buffer of <paramref name="length"/> characters comes from the pool (else it is allocated).</summary>
    public static bool Pools(int length) => length <= LargestPooled;

    public int Length { get; private set; }

    /// <summary>Whether an array was rented (a default value has none).</summary>
    public readonly bool HasArray => _chars is not null;

    public readonly Span<char> Written => _chars.AsSpan(0, Length);

    /// <summary>What is written, for an API that takes memory; valid until the next write or <see cref="Dispose"/>.</summary>
    public readonly ReadOnlyMemory<char> Memory => _chars.AsMemory(0, Length);

    /// <summary>Room for <paramref name="length"/> characters at the end, to be written in place and then kept with <see cref="Advance"/>.</summary>
    public Span<char> Free(int length)
    {
        _chars ??= Rent(Math.Max(length, 16));
        if (Length + length > _chars.Length)
        {
            var grown = Rent(Math.Max(Length + length, _chars.Length * 2));
            Written.CopyTo(grown);
            Return(_chars);
            _chars = grown;
        }

        return _chars.AsSpan(Length, length);
    }

    public void Advance(int length) => Length += length;

    public void Append(ReadOnlySpan<char> text)
    {
        text.CopyTo(Free(text.Length));
        Length += text.Length;
    }

    /// <summary>Keeps the first <paramref name="length"/> characters (what an in-place pass over <see cref="Written"/> left).</summary>
    public void Truncate(int length) => Length = length;

    public void Dispose()
    {
        Return(_chars);
        _chars = null;
    }

    private static char[] Rent(int length) => length <= LargestPooled ? ArrayPool<char>.Shared.Rent(length) : GC.AllocateUninitializedArray<char>(length);

    private static void Return(char[]? chars)
    {
        if (chars is { Length: > 0 and <= LargestPooled })
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }
}
