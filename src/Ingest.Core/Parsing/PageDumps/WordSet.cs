using System.Runtime.InteropServices;

namespace Ingest.Core.Parsing.PageDumps;

/// <summary>
/// A set of word hashes (<see cref="SubjectWords"/>) that empties at once. Judging a page compares the words of one block
/// after another with the article's, and a general-purpose set spends more on hashing, bookkeeping and clearing than on the
/// words: this one is open addressing in a power-of-two table at most half full, where a slot belongs to the set while it
/// carries the set's current mark, so <see cref="Clear"/> moves the mark on instead of wiping the table.
/// </summary>
internal sealed class WordSet
{
    private readonly List<int> _words;
    private int[] _slots;
    private int[] _marks;
    private int _mark = 1;
    private int _shift;

    public WordSet(int capacity = 16)
    {
        _words = new List<int>(capacity);
        (_slots, _marks, _shift) = Table(capacity);
    }

    public int Count => _words.Count;

    /// <summary>The words in the order they were first added.</summary>
    public ReadOnlySpan<int> Words => CollectionsMarshal.AsSpan(_words);

    /// <summary>Adds <paramref name="word"/>; false when the set holds it already.</summary>
    public bool Add(int word)
    {
        if ((_words.Count + 1) * 2 > _slots.Length)
        {
            Grow();
        }

        var mask = _slots.Length - 1;
        for (var slot = SlotOf(word); ; slot = (slot + 1) & mask)
        {
            if (_marks[slot] != _mark)
            {
                (_marks[slot], _slots[slot]) = (_mark, word);
                _words.Add(word);
                return true;
            }

            if (_slots[slot] == word)
            {
                return false;
            }
        }
    }

    public bool Contains(int word)
    {
        var mask = _slots.Length - 1;
        for (var slot = SlotOf(word); _marks[slot] == _mark; slot = (slot + 1) & mask)
        {
            if (_slots[slot] == word)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>How many of this set's words <paramref name="other"/> holds too.</summary>
    public int CountIn(WordSet other)
    {
        var shared = 0;
        foreach (var word in Words)
        {
            shared += other.Contains(word) ? 1 : 0;
        }

        return shared;
    }

    public void Clear()
    {
        _words.Clear();
        if (++_mark == int.MaxValue)
        {
            Array.Clear(_marks);
            _mark = 1;
        }
    }

    /// <summary>A Fibonacci hash of the word's own hash: its top bits pick the slot, so words that differ only high up spread too.</summary>
    private int SlotOf(int word) => (int)(((uint)word * 2654435769u) >> _shift);

    private void Grow()
    {
        (_slots, _marks, _shift) = Table(_slots.Length);
        _mark = 1;
        var mask = _slots.Length - 1;
        foreach (var word in _words)
        {
            var slot = SlotOf(word);
            while (_marks[slot] == _mark)
            {
                slot = (slot + 1) & mask;
            }

            (_marks[slot], _slots[slot]) = (_mark, word);
        }
    }

    /// <summary>A table with room for <paramref name="words"/> at most half full: its slots, their marks, and the shift that picks a slot.</summary>
    private static (int[] Slots, int[] Marks, int Shift) Table(int words)
    {
        var bits = 4;
        while ((1 << bits) < words * 2)
        {
            bits++;
        }

        return (new int[1 << bits], new int[1 << bits], 32 - bits);
    }
}
