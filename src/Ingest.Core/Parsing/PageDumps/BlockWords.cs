namespace Ingest.Core.Parsing.PageDumps;

/// <summary>
/// The words of a page dump's blocks, read once in the page's language: each block's prose measure, and its subject words
/// (<see cref="SubjectWords"/>) kept for the later judgements that compare blocks by subject — the article's run against
/// the rest of the page, a headline against the article. Reading every block's words three times was most of judging a dump.
/// </summary>
internal sealed class BlockWords
{
    /// <summary>Where each block's subject words start in <see cref="_subjectWords"/>; one more entry than blocks, the end.</summary>
    private readonly int[] _starts;

    private readonly List<int> _subjectWords;

    private BlockWords(ProseMeasure[] measures, int[] starts, List<int> subjectWords)
    {
        Measures = measures;
        _starts = starts;
        _subjectWords = subjectWords;
    }

    /// <summary>Each block's prose measure, by block.</summary>
    public ProseMeasure[] Measures { get; }

    public static BlockWords Read(IReadOnlyList<DumpBlock> blocks, string? language)
    {
        var measures = new ProseMeasure[blocks.Count];
        var starts = new int[blocks.Count + 1];
        var characters = 0;
        foreach (var block in blocks)
        {
            characters += block.Text.Length;
        }

        // About one subject word in eight characters of prose: room enough that the list seldom grows.
        var subjectWords = new List<int>((characters / 8) + 16);
        for (var i = 0; i < blocks.Count; i++)
        {
            starts[i] = subjectWords.Count;
            measures[i] = ProseMeasure.Of(blocks[i].Text, language, subjectWords);
        }

        starts[^1] = subjectWords.Count;
        return new BlockWords(measures, starts, subjectWords);
    }

    /// <summary>Adds the subject words of block <paramref name="block"/> to <paramref name="words"/>.</summary>
    public void AddSubjectWords(HashSet<int> words, int block)
    {
        for (var i = _starts[block]; i < _starts[block + 1]; i++)
        {
            words.Add(_subjectWords[i]);
        }
    }
}
