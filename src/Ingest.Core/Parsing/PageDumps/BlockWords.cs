using Ingest.Core.Languages;

namespace Ingest.Core.Parsing.PageDumps;

/// <summary>
/// The words of a page dump's blocks, read in one walk over their text: the page's function words tallied by language
/// (<see cref="Tally"/>), from which its <see cref="Language"/> is chosen; each block's prose measure in that language; and
/// each block's subject words (<see cref="SubjectWords"/>), kept for the later judgements that compare blocks by subject —
/// the article's run against the rest of the page, a headline against the article.
/// </summary>
/// <remarks>
/// The language is known only once every block has been read, and it decides which words are function words. So the walk
/// keeps, per word that could matter, the languages it is a function word of, and the measures and subject words are
/// settled from those once the language is chosen — instead of reading every block's text a second time.
/// </remarks>
internal sealed class BlockWords
{
    private readonly Walk _walk;
    private readonly int _languageBit;

    private BlockWords(ProseMeasure[] measures, Walk walk, string? language, int languageBit)
    {
        Measures = measures;
        _walk = walk;
        Language = language;
        _languageBit = languageBit;
    }

    /// <summary>Each block's prose measure, by block, in <see cref="Language"/>.</summary>
    public ProseMeasure[] Measures { get; }

    /// <summary>The function words of every block, by language, as <see cref="FunctionWordTally.Add"/> counts them.</summary>
    public FunctionWordTally Tally => _walk.Tally;

    /// <summary>The language the measures were taken in; null for none.</summary>
    public string? Language { get; }

    /// <summary>Reads every block's words; <paramref name="languageOf"/> chooses the page's language from the tally of them all.</summary>
    public static BlockWords Read(IReadOnlyList<DumpBlock> blocks, Func<FunctionWordTally, string?> languageOf)
    {
        var characters = 0;
        foreach (var block in blocks)
        {
            characters += block.Text.Length;
        }

        var walk = new Walk(blocks.Count, characters);
        var measures = new ProseMeasure[blocks.Count];
        for (var i = 0; i < blocks.Count; i++)
        {
            measures[i] = walk.Measure(i, blocks[i].Text);
        }

        walk.End();
        var language = languageOf(walk.Tally);
        var languageBit = language is null ? 0 : 1 << FunctionWords.IndexOf(language);
        for (var i = 0; i < blocks.Count; i++)
        {
            measures[i] = measures[i] with { FunctionWordCount = walk.FunctionWordsOf(i, languageBit) };
        }

        return new BlockWords(measures, walk, language, languageBit);
    }

    /// <summary>
    /// Adds the subject words of block <paramref name="block"/> to <paramref name="words"/>: those that are no language's
    /// function word in the order the text has them, then those that are some other language's.
    /// </summary>
    public void AddSubjectWords(WordSet words, int block) => _walk.AddSubjectWords(words, block, _languageBit);

    /// <summary>
    /// One walk over text, block after block. Two kinds of word go by at once: the prose measure's (runs of letters and
    /// digits) and the tally's (what stands between spaces, punctuation around it trimmed, as
    /// <see cref="FunctionWordTally.Add"/> has them). Mostly they are the same span, looked up once for both.
    /// </summary>
    private sealed class Walk(int blocks, int characters)
    {
        static Walk()
        {
            // A word's languages are kept as 16 bits.
            if (FunctionWords.Languages.Count > 16)
            {
                throw new InvalidOperationException("More than 16 languages of function words: widen the languages kept per word.");
            }
        }

        public FunctionWordTally Tally { get; } = new();

        // Per block, where its words start in each list below; one more entry than blocks, the end.
        private readonly int[] _subjectStarts = new int[blocks + 1];
        private readonly int[] _functionStarts = new int[blocks + 1];
        private readonly int[] _shortStarts = new int[blocks + 1];

        /// <summary>
        /// The hash of every word of three letters or more that is no language's function word, and of every pair of
        /// ideographs: subject words whatever the language. About one in eight characters of prose: room enough that the
        /// list seldom grows.
        /// </summary>
        private readonly List<int> _subjectWords = new((characters / 8) + 16);

        /// <summary>The hash of each function word of three letters or more, and its languages: a subject word unless it is the page language's.</summary>
        private readonly List<int> _functionWords = new((characters / 24) + 16);

        private readonly List<ushort> _functionWordLanguages = new((characters / 24) + 16);

        /// <summary>The languages of each function word of one or two letters: counted, never a subject word.</summary>
        private readonly List<ushort> _shortFunctionWords = new((characters / 12) + 16);

        // The last prose word ended, and its languages: the tally's word is most often the same span.
        private int _lastWordStart = -1;
        private int _lastWordLength;
        private int _lastWordLanguages;

        /// <summary>Marks the end of the last block's words.</summary>
        public void End() => Start(_subjectStarts.Length - 1);

        /// <summary>How many of block <paramref name="block"/>'s words are function words of <paramref name="languageBit"/>.</summary>
        public int FunctionWordsOf(int block, int languageBit)
        {
            var count = 0;
            for (var i = _shortStarts[block]; i < _shortStarts[block + 1]; i++)
            {
                count += (_shortFunctionWords[i] & languageBit) != 0 ? 1 : 0;
            }

            for (var i = _functionStarts[block]; i < _functionStarts[block + 1]; i++)
            {
                count += (_functionWordLanguages[i] & languageBit) != 0 ? 1 : 0;
            }

            return count;
        }

        public void AddSubjectWords(WordSet words, int block, int languageBit)
        {
            for (var i = _subjectStarts[block]; i < _subjectStarts[block + 1]; i++)
            {
                words.Add(_subjectWords[i]);
            }

            for (var i = _functionStarts[block]; i < _functionStarts[block + 1]; i++)
            {
                if ((_functionWordLanguages[i] & languageBit) == 0)
                {
                    words.Add(_functionWords[i]);
                }
            }
        }

        private void Start(int block)
        {
            _subjectStarts[block] = _subjectWords.Count;
            _functionStarts[block] = _functionWords.Count;
            _shortStarts[block] = _shortFunctionWords.Count;
        }

        /// <summary>Measures <paramref name="text"/>, but for its function words (0 until the language is known).</summary>
        public ProseMeasure Measure(int block, string text)
        {
            Start(block);
            int letters = 0, words = 0, sentenceMarks = 0, commas = 0, ideographs = 0;
            var wordStart = -1;
            var wordHash = SubjectWords.HashSeed;
            var tokenStart = 0;
            _lastWordStart = -1;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (ProseMeasure.IsWordCharacter(c))
                {
                    letters++;
                    wordStart = wordStart < 0 ? i : wordStart;
                    wordHash = SubjectWords.HashStep(wordHash, c);
                    continue;
                }

                if (wordStart >= 0)
                {
                    words++;
                    EndWord(text, wordStart, i - wordStart, wordHash);
                    wordStart = -1;
                    wordHash = SubjectWords.HashSeed;
                }

                if (c == ' ')
                {
                    EndToken(text, tokenStart, i);
                    tokenStart = i + 1;
                }
                else if (c > '\u2FFF' && ProseMeasure.IsIdeographic(c))
                {
                    letters++;
                    ideographs++;
                    if (i + 1 < text.Length && ProseMeasure.IsIdeographic(text[i + 1]))
                    {
                        _subjectWords.Add(SubjectWords.CaselessHash(text.AsSpan(i, 2)));
                    }
                }
                else
                {
                    sentenceMarks += c is '.' or '!' or '?' or '。' or '！' or '？' or '؟' or '।' ? 1 : 0;
                    commas += c is ',' or '，' or '、' or '،' or ';' or '；' ? 1 : 0;
                }
            }

            if (wordStart >= 0)
            {
                words++;
                EndWord(text, wordStart, text.Length - wordStart, wordHash);
            }

            EndToken(text, tokenStart, text.Length);
            words += ideographs / 2;
            return new ProseMeasure(letters, ideographs, words, 0, sentenceMarks, commas, ProseMeasure.EndsAsSentence(text));
        }

        /// <summary>A prose word ended: <paramref name="hash"/> is its <see cref="SubjectWords.CaselessHash"/>, taken as it went by.</summary>
        private void EndWord(string text, int start, int length, uint hash)
        {
            var word = text.AsSpan(start, length);
            var languages = FunctionWords.LanguagesOf(word);
            if (languages == 0)
            {
                if (SubjectWords.IsLongEnough(word))
                {
                    _subjectWords.Add((int)hash);
                }
            }
            else if (SubjectWords.IsLongEnough(word))
            {
                _functionWords.Add((int)hash);
                _functionWordLanguages.Add((ushort)languages);
            }
            else
            {
                _shortFunctionWords.Add((ushort)languages);
            }

            (_lastWordStart, _lastWordLength, _lastWordLanguages) = (start, length, languages);
        }

        /// <summary>The tally's word from <paramref name="start"/> to <paramref name="end"/>: counted when it is not empty.</summary>
        private void EndToken(string text, int start, int end)
        {
            if (end == start)
            {
                return;
            }

            var (offset, length) = FunctionWordTally.WordIn(text.AsSpan(start, end - start));
            start += offset;
            var languages = start == _lastWordStart && length == _lastWordLength
                ? _lastWordLanguages
                : FunctionWords.LanguagesOf(text.AsSpan(start, length));
            Tally.AddWord(languages);
        }
    }
}
