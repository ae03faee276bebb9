using Ingest.Core.Parsing.Titles;

namespace Ingest.Core.Parsing.PageDumps;

/// <summary>
/// Finds the headline above the article in a page dump. Of the title-like lines shortly before the article, the headline
/// is the one whose words the article itself uses (its subject), that the page's title agrees with, that is marked a
/// top heading, or that the page repeats; bylines, dates, captions and section labels share few words with the story.
/// Language-blind: words are compared as they are, ideographs in pairs.
/// </summary>
internal static class HeadlineFinder
{
    private const int LookBack = 30;
    private const int BodySampleWords = 400;
    private const double MinSubjectOverlap = 0.25;
    private const double TitleAgreement = 0.75;

    /// <param name="repeats">Per block, how many blocks of the page say the same.</param>
    public static int? Find(IReadOnlyList<DumpBlock> blocks, int start, int end, IReadOnlyList<BlockVerdict> verdicts, int[] repeats, string? titleHint, string? language)
    {
        var body = new HashSet<int>();
        for (var i = start; i <= end && body.Count < BodySampleWords; i++)
        {
            if (verdicts[i] == BlockVerdict.Content)
            {
                SubjectWords.AddTo(body, blocks[i].Text, language);
            }
        }

        int? best = null;
        var bestScore = double.MinValue;
        for (var i = Math.Max(0, start - LookBack); i < start; i++)
        {
            var block = blocks[i];
            if (!LooksLikeHeadline(block))
            {
                continue;
            }

            var words = SubjectWords.Of(block.Text, language);
            var overlap = words.Count == 0 ? 0 : (double)words.Count(body.Contains) / words.Count;
            var agrees = titleHint is not null && TextSimilarity.Of(titleHint, block.Text) > TitleAgreement;
            var topHeading = block.Kind == DumpBlockKind.Heading && block.HeadingLevel == 1;
            if (overlap < MinSubjectOverlap && !agrees && !topHeading)
            {
                continue;
            }

            var score = overlap
                + (agrees ? 2 : 0)
                + (topHeading ? 0.5 : block.Kind == DumpBlockKind.Heading && block.HeadingLevel == 2 ? 0.3 : 0)
                + (repeats[i] is 2 or 3 ? 0.3 : 0)
                + (words.Count >= 4 ? 0.1 : 0)
                - (0.01 * (start - i));
            if (score > bestScore)
            {
                (best, bestScore) = (i, score);
            }
        }

        return best;
    }

    /// <summary>Whether a block could be a headline: a paragraph or heading of a line's length, not ending in a full stop, few links.</summary>
    public static bool LooksLikeHeadline(DumpBlock block) =>
        block.Kind is DumpBlockKind.Heading or DumpBlockKind.Paragraph
        && block.LinkShare < 0.5
        && block.Text.Length is >= 10 and <= 250
        && !block.Text.EndsWith('.')
        && WordCount(block.Text) <= 40;

    private static int WordCount(string text)
    {
        var words = 0;
        for (var i = 0; i < text.Length; i++)
        {
            words += text[i] != ' ' && (i == 0 || text[i - 1] == ' ') ? 1 : 0;
        }

        return words;
    }
}
