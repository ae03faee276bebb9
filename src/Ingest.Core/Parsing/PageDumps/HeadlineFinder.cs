using Ingest.Core.Parsing.Titles;

namespace Ingest.Core.Parsing.PageDumps;

/// <summary>
/// Finds the headline above the article in a page dump. Of the title-like lines shortly before the article, the headline
/// is the one whose words the article itself uses (its subject), that the page's title agrees with, that is marked a
/// top heading, or that the page repeats; bylines, dates, captions and section labels share few words with the story.
/// Of a headline and the standfirst below it, both title-like, the headline is the first.
/// Language-blind: words are compared as they are, ideographs in pairs.
/// </summary>
internal static class HeadlineFinder
{
    private const int LookBack = 30;

    /// <summary>Fewer words than this above a title-like line make a label (a section, a series), not a headline.</summary>
    private const int MinHeadlineWords = 6;

    private const int BodySampleWords = 400;
    private const double MinSubjectOverlap = 0.25;
    private const double TitleAgreement = 0.75;

    /// <param name="blockWords">The blocks' subject words, read in the page's language.</param>
    /// <param name="repeats">Per block, how many blocks of the page say the same.</param>
    public static int? Find(IReadOnlyList<DumpBlock> blocks, BlockWords blockWords, int start, int end, IReadOnlyList<BlockVerdict> verdicts, int[] repeats, string? titleHint)
    {
        var body = new WordSet(BodySampleWords * 2);
        for (var i = start; i <= end && body.Count < BodySampleWords; i++)
        {
            if (verdicts[i] == BlockVerdict.Content)
            {
                blockWords.AddSubjectWords(body, i);
            }
        }

        var words = new WordSet();
        int? best = null;
        var bestScore = double.MinValue;
        var lastCandidate = -1;
        for (var i = Math.Max(0, start - LookBack); i < start; i++)
        {
            var block = blocks[i];
            if (!LooksLikeHeadline(block))
            {
                continue;
            }

            words.Clear();
            blockWords.AddSubjectWords(words, i);
            var shared = words.CountIn(body);
            var overlap = words.Count == 0 ? 0 : (double)shared / words.Count;
            var agrees = titleHint is not null && TextSimilarity.Of(titleHint, block.Text) > TitleAgreement;
            var topHeading = block.Kind == DumpBlockKind.Heading && block.HeadingLevel == 1;
            if (overlap < MinSubjectOverlap && !agrees && !topHeading)
            {
                continue;
            }

            // The share of its words the story uses, as if it had one more that it does not: one word in common is weak evidence.
            var score = ((double)shared / (words.Count + 1))
                + (agrees ? 2 : 0)
                + (topHeading ? 0.5 : block.Kind == DumpBlockKind.Heading && block.HeadingLevel == 2 ? 0.3 : 0)
                + (repeats[i] is 2 or 3 ? 0.3 : 0)
                + (words.Count >= 4 ? 0.1 : 0)
                - (0.01 * (start - i));

            // A headline straight above this line makes it the standfirst; a label of a few words above it does not.
            var standfirst = best is { } previous && previous == i - 1 && previous == lastCandidate && !agrees
                && LineWords.Count(blocks[previous].Text) >= MinHeadlineWords && LineWords.Count(block.Text) >= MinHeadlineWords;
            if (score > bestScore && !standfirst)
            {
                (best, bestScore) = (i, score);
            }

            lastCandidate = i;
        }

        return best;
    }

    /// <summary>Whether a block could be a headline: a paragraph or heading of a line's length, not ending in a full stop, few links.</summary>
    public static bool LooksLikeHeadline(DumpBlock block) =>
        block.Kind is DumpBlockKind.Heading or DumpBlockKind.Paragraph
        && block.LinkShare < 0.5
        && block.Text.Length is >= 10 and <= 250
        && !block.Text.EndsWith('.')
        && LineWords.AtMost(block.Text, 40);
}
