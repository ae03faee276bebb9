using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace Ingest.Core.Parsing.PageDumps;

/// <summary>What a block of a page dump was judged to be.</summary>
public enum BlockVerdict
{
    /// <summary>Prose: long enough, sentence-like, dense with function words, few links.</summary>
    Content,

    /// <summary>Neither: headings, short lines, captions. Kept when they stand inside the article.</summary>
    Neutral,

    /// <summary>Page furniture: links, menus, buttons, lines the page repeats.</summary>
    Furniture,
}

/// <summary>
/// The article inside a page dump: its blocks from <see cref="Start"/> to <see cref="End"/> (inclusive), the furniture
/// inside that run, and the headline if one was found; or, for a file with next to no furniture, word that it is an
/// article on its own, to be read whole.
/// </summary>
public sealed record DumpSelection(int Start, int End, int? Headline, IReadOnlyList<BlockVerdict> Verdicts, bool IsWholeArticle)
{
    public bool IsEmpty => End < Start;

    /// <summary>Whether block <paramref name="index"/> belongs to the article's body.</summary>
    public bool Keeps(int index) => index >= Start && index <= End && Verdicts[index] != BlockVerdict.Furniture;
}

/// <summary>
/// Finds the article in a whole page saved as text or Markdown (menus, share bars, subscription prompts, related
/// stories, footers and all). Each block is judged on its own by signals that hold in any language — length, sentence
/// marks, the page language's function words, link text, repetition — and the article is the run of blocks with the
/// most prose in it, furniture inside the run costing it. The headline is the title-like line just before the run.
/// </summary>
public static partial class DumpContent
{
    /// <summary>How many blocks into the article a byline may still stand (under a lead image, after a first paragraph).</summary>
    public const int BylineReachIntoArticle = 5;

    private const double MinFunctionWordShareForLanguage = 0.08;

    private const int MinIdeographsForProse = 15;

    private const int MinFurnitureGroupsOfAPage = 3;
    private const int SureFurnitureGroupsOfAPage = 8;

    private const int MaxHeadlineRepeats = 3;

    // The subject: the words of the run's first paragraphs; prose sharing fewer of them than this weighs less.
    private const int SubjectParagraphs = 10;
    private const int MinSubjectWordsToJudge = 3;
    private const double SameSubjectShare = 0.15;
    private const double MinCodeSymbolShare = 0.05;
    private const int MinHeadlinesInAList = 3;

    /// <summary>The room the set of one block's subject words starts with (it grows for a longer block).</summary>
    private const int SubjectWordsRoom = 256;

    // A feed: prose between lines repeated at least this often, within this many blocks on either side; such prose weighs a fifth.
    private const int MinFeedLineRepeats = 3;
    private const int MaxFeedLineLength = 100;
    private const int FeedLineReach = 3;
    private const double FeedItemWeight = 0.2;
    private const double MaxFurnitureShareOfAnArticle = 0.1;

    /// <summary>A page whose words are this dense with one language's function words is surely in that language.</summary>
    private const double SureFunctionWordShare = 0.2;


    public static DumpSelection Find(IReadOnlyList<DumpBlock> blocks, string? titleHint)
    {
        if (blocks.Count == 0)
        {
            return new DumpSelection(0, -1, null, [], IsWholeArticle: true);
        }

        var words = BlockWords.Read(blocks, tally => tally.Dominant(MinFunctionWordShareForLanguage));
        var language = words.Language;
        var sureOfLanguage = words.Tally.Dominant(SureFunctionWordShare) is not null;
        var repeats = RepeatCounts(blocks);
        var groups = Groups(blocks);
        var linksKnown = blocks.Any(b => b.LinkedLength > 0);
        var verdicts = new BlockVerdict[blocks.Count];
        var measures = words.Measures;
        var weights = new List<double>(groups.Count);
        int furnitureGroups = 0, furnitureMass = 0, mass = 0;
        var blockArray = blocks as DumpBlock[] ?? [.. blocks];
        foreach (var (first, last) in groups)
        {
            var members = new ArraySegment<DumpBlock>(blockArray, first, last - first + 1);
            var memberMeasures = new ArraySegment<ProseMeasure>(measures, first, last - first + 1);
            var prose = first == last ? measures[first] : ProseMeasure.Sum(memberMeasures);
            var verdict = Judge(members, memberMeasures, prose, repeats[first], language, sureOfLanguage, linksKnown);
            for (var i = first; i <= last; i++)
            {
                verdicts[i] = verdict;
            }

            weights.Add(Weight(verdict, members, prose, linksKnown));
            mass += prose.Mass;
            if (verdict == BlockVerdict.Furniture)
            {
                furnitureGroups++;
                furnitureMass += prose.Mass;
            }
        }

        // A page has menus, share bars and footers all over; an article may have a short list or a repeated line.
        var wholeArticle = furnitureGroups < MinFurnitureGroupsOfAPage
            || (furnitureMass < mass * MaxFurnitureShareOfAnArticle && furnitureGroups < SureFurnitureGroupsOfAPage);

        if (!linksKnown)
        {
            MarkHeadlineLists(blocks, measures, groups, verdicts, weights);
        }

        WeighDownFeedItems(blocks, groups, verdicts, weights, repeats);
        var (startGroup, endGroup) = HeaviestRun(weights);
        if (endGroup >= startGroup && WeighDownOtherSubjects(words, groups, verdicts, weights, startGroup, endGroup))
        {
            (startGroup, endGroup) = HeaviestRun(weights);
        }

        if (endGroup < startGroup)
        {
            return new DumpSelection(0, -1, null, verdicts, wholeArticle);
        }

        var start = groups[startGroup].First;
        var end = groups[endGroup].Last;

        // Inside the article, a line of symbols is code or a table shown on the page (HTML shown as code looks like markup).
        for (var i = start; i <= end; i++)
        {
            if (verdicts[i] == BlockVerdict.Furniture && LooksLikeCode(new ArraySegment<DumpBlock>(blockArray, i, 1)))
            {
                verdicts[i] = BlockVerdict.Neutral;
            }
        }

        return new DumpSelection(start, end, HeadlineFinder.Find(blocks, words, start, end, verdicts, repeats, titleHint), verdicts, wholeArticle);
    }

    /// <summary>Blocks judged together: the items of one list (a menu is a list of short items); any other block alone.</summary>
    private static List<(int First, int Last)> Groups(IReadOnlyList<DumpBlock> blocks)
    {
        var groups = new List<(int First, int Last)>(blocks.Count);
        var first = 0;
        for (var i = 1; i <= blocks.Count; i++)
        {
            var endsGroup = i == blocks.Count
                || blocks[i].Kind != DumpBlockKind.ListItem
                || blocks[i - 1].Kind != DumpBlockKind.ListItem;
            if (endsGroup)
            {
                groups.Add((first, i - 1));
                first = i;
            }
        }

        return groups;
    }

    private static BlockVerdict Judge(ArraySegment<DumpBlock> members, ArraySegment<ProseMeasure> memberMeasures, ProseMeasure prose, int repeats, string? language, bool sureOfLanguage, bool linksKnown)
    {
        int text = 0, linked = 0;
        foreach (var member in members)
        {
            text += member.Text.Length;
            linked += member.LinkedLength;
        }

        var linkShare = text == 0 ? 0 : (double)linked / text;
        var lettersPerLine = (double)prose.Mass / members.Count;

        // Markup a converter let through (the contents of noscript, tracking pixels) is never prose.
        if (AnyMarkup(members))
        {
            return BlockVerdict.Furniture;
        }

        // A repeated line is furniture (share bars top and bottom), unless it may be the headline, which pages repeat too (but not often).
        if (linkShare >= 0.5 || (repeats > 1 && text < 200 && !(HeadlineFinder.LooksLikeHeadline(members[0]) && repeats <= MaxHeadlineRepeats)))
        {
            return BlockVerdict.Furniture;
        }

        if (members.Count == 1 && members[0].Kind == DumpBlockKind.Heading)
        {
            return BlockVerdict.Neutral;
        }

        // Where links are marked, a line of symbols that is not a link is code or a table row, which articles hold.
        if (linksKnown && LooksLikeCode(members))
        {
            return BlockVerdict.Neutral;
        }

        // A list is content when its items read as sentences or are long; lists of short items are menus and headline lists,
        // and so are lists whose items end with a date or a time (when each story was posted).
        if (members[0].Kind == DumpBlockKind.ListItem)
        {
            int sentences = 0, stamped = 0;
            for (var i = 0; i < members.Count; i++)
            {
                sentences += memberMeasures[i].EndsLikeSentence ? 1 : 0;
                stamped += EndsWithDateOrTime().IsMatch(members[i].Text) ? 1 : 0;
            }

            var listIsProse = (sentences * 2 >= members.Count || lettersPerLine >= 100) && stamped * 2 < members.Count;
            if (!listIsProse)
            {
                return lettersPerLine < 80 ? BlockVerdict.Furniture : BlockVerdict.Neutral;
            }
        }

        // Words in a row with no function word among them: a menu or a list of tags flattened into a line.
        if (sureOfLanguage && prose.Words >= 6 && prose.FunctionWordShare < 0.05)
        {
            return BlockVerdict.Furniture;
        }

        // Chinese and Japanese bloggers often set phrases apart with spaces, not punctuation: a long run of ideographs is prose.
        var sentenceLike = prose.EndsLikeSentence || prose.SentenceMarks > 0 || prose.Commas >= 2 || prose.Ideographs >= MinIdeographsForProse;
        var functionWordsOk = language is null || prose.FunctionWordShare >= 0.15;
        if (functionWordsOk && linkShare < 0.4
            && ((prose.Mass >= 60 && prose.Words >= 8 && sentenceLike) || (prose.EndsLikeSentence && prose.Words >= 4)))
        {
            return BlockVerdict.Content;
        }

        return BlockVerdict.Neutral;
    }

    /// <summary>
    /// What keeping a block in the run is worth, in letters: the letters it adds to the article if it is article text,
    /// less those it adds if it is not, by how likely each verdict is to be right.
    /// </summary>
    /// <remarks>Markup counts as one short line whatever its length: images and embeds stand inside articles too. Headings cost nothing, nor do code and tables where links are marked (see <see cref="Judge"/>).</remarks>
    private static double Weight(BlockVerdict verdict, ArraySegment<DumpBlock> members, ProseMeasure prose, bool linksKnown) => verdict switch
    {
        BlockVerdict.Content => 0.8 * prose.Mass,
        BlockVerdict.Neutral when members[0].Kind == DumpBlockKind.Heading || (linksKnown && LooksLikeCode(members)) => 0,
        BlockVerdict.Neutral => -8 - (0.2 * prose.Mass),
        _ when AnyMarkup(members) => -8,
        _ => -8 - (0.9 * prose.Mass),
    };

    /// <summary>
    /// Where a dump does not say what was a link (plain text), a run of headline-like lines with no prose between them
    /// is a list of links to other stories: furniture.
    /// </summary>
    private static void MarkHeadlineLists(IReadOnlyList<DumpBlock> blocks, ProseMeasure[] measures, List<(int First, int Last)> groups, BlockVerdict[] verdicts, List<double> weights)
    {
        bool IsHeadlineLine(int g) =>
            groups[g].First == groups[g].Last && verdicts[groups[g].First] == BlockVerdict.Neutral
            && blocks[groups[g].First].Kind == DumpBlockKind.Paragraph && HeadlineFinder.LooksLikeHeadline(blocks[groups[g].First]);

        for (var start = 0; start < groups.Count;)
        {
            if (!IsHeadlineLine(start))
            {
                start++;
                continue;
            }

            var end = start;
            while (end + 1 < groups.Count && IsHeadlineLine(end + 1))
            {
                end++;
            }

            if (end - start + 1 >= MinHeadlinesInAList)
            {
                for (var g = start; g <= end; g++)
                {
                    var at = groups[g].First;
                    verdicts[at] = BlockVerdict.Furniture;
                    weights[g] = Weight(BlockVerdict.Furniture, new ArraySegment<DumpBlock>([blocks[at]]), measures[at], linksKnown: false);
                }
            }

            start = end + 1;
        }
    }

    /// <summary>
    /// Prose with a line the page repeats again and again (a source's name, "Save", a reply link) just before it and just
    /// after it is an item of a feed — a teaser, a comment, a live update — and weighs little: an article is not cut up
    /// that way.
    /// </summary>
    private static void WeighDownFeedItems(IReadOnlyList<DumpBlock> blocks, List<(int First, int Last)> groups, BlockVerdict[] verdicts, List<double> weights, int[] repeats)
    {
        for (var g = 0; g < groups.Count; g++)
        {
            var (first, last) = groups[g];
            if (verdicts[first] != BlockVerdict.Content)
            {
                continue;
            }

            if (AnyFeedLine(blocks, repeats, first - FeedLineReach) && AnyFeedLine(blocks, repeats, last + 1))
            {
                weights[g] *= FeedItemWeight;
            }
        }
    }

    /// <summary>Whether one of the <see cref="FeedLineReach"/> blocks from <paramref name="from"/> on is a short line the page repeats.</summary>
    private static bool AnyFeedLine(IReadOnlyList<DumpBlock> blocks, int[] repeats, int from)
    {
        for (var i = Math.Max(from, 0); i < Math.Min(from + FeedLineReach, blocks.Count); i++)
        {
            if (blocks[i].Text.Length < MaxFeedLineLength && repeats[i] >= MinFeedLineRepeats)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Prose about another subject is not this article's: the subject is the words of the first paragraphs of the run
    /// found, and prose elsewhere (teasers of other stories, a live feed beside the article) weighs as much of it as
    /// shares those words — nothing when none of its words is among them, all when a sixth or more is. Returns whether
    /// any weight changed.
    /// </summary>
    private static bool WeighDownOtherSubjects(BlockWords blockWords, List<(int First, int Last)> groups, BlockVerdict[] verdicts, List<double> weights, int startGroup, int endGroup)
    {
        // The subject comes from the run's first paragraphs (three, or half of a longer run, ten at most): what closes a short
        // run may be the very teaser to judge.
        var contentGroups = 0;
        for (var g = startGroup; g <= endGroup; g++)
        {
            contentGroups += verdicts[groups[g].First] == BlockVerdict.Content ? 1 : 0;
        }

        var coreSize = Math.Min(SubjectParagraphs, Math.Max(3, (contentGroups + 1) / 2));
        var core = new HashSet<int>(coreSize);
        for (var g = startGroup; g <= endGroup && core.Count < coreSize; g++)
        {
            if (verdicts[groups[g].First] == BlockVerdict.Content)
            {
                core.Add(g);
            }
        }

        var subject = new WordSet(1024);
        foreach (var g in core)
        {
            AddSubjectWords(subject, blockWords, groups[g]);
        }

        var changed = false;
        var words = new WordSet(SubjectWordsRoom);
        for (var g = 0; g < groups.Count; g++)
        {
            if (verdicts[groups[g].First] != BlockVerdict.Content || core.Contains(g))
            {
                continue;
            }

            words.Clear();
            AddSubjectWords(words, blockWords, groups[g]);
            if (words.Count < MinSubjectWordsToJudge)
            {
                continue;
            }

            var share = (double)words.CountIn(subject) / words.Count;
            if (share < SameSubjectShare)
            {
                weights[g] *= share / SameSubjectShare;
                changed = true;
            }
        }

        return changed;
    }

    private static void AddSubjectWords(WordSet words, BlockWords blockWords, (int First, int Last) group)
    {
        for (var i = group.First; i <= group.Last; i++)
        {
            blockWords.AddSubjectWords(words, i);
        }
    }

    /// <summary>The contiguous run with the largest total weight (Kadane); (0, −1) when no block weighs anything.</summary>
    private static (int Start, int End) HeaviestRun(List<double> weights)
    {
        double best = 0, current = 0;
        int bestStart = 0, bestEnd = -1, start = 0;
        for (var i = 0; i < weights.Count; i++)
        {
            if (current <= 0)
            {
                current = 0;
                start = i;
            }

            current += weights[i];
            if (current > best)
            {
                best = current;
                bestStart = start;
                bestEnd = i;
            }
        }

        return (bestStart, bestEnd);
    }

    [GeneratedRegex(@"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();

    [GeneratedRegex(@"(?:\b\d{1,2}[:/.]\d{1,2}(?:[:/.]\d{2,4})?|\b(?:19|20)\d\d)\)?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex EndsWithDateOrTime();

    /// <summary>Text made of HTML tags or web addresses (a third of it or more), or holding Markdown link syntax: markup the converter let through.</summary>
    private static bool LooksLikeMarkup(string text)
    {
        int tags = 0, tagLength = 0;
        if (text.Contains('<'))
        {
            foreach (var tag in Tag().EnumerateMatches(text))
            {
                tags++;
                tagLength += tag.Length;
            }
        }

        return (tags >= 2 && tagLength >= text.Length * 0.3)
            || AddressLength(text) >= text.Length * 0.3
            || text.Contains("](", StringComparison.Ordinal);
    }

    private static bool AnyMarkup(ArraySegment<DumpBlock> members)
    {
        foreach (var member in members)
        {
            if (LooksLikeMarkup(member.Text))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Characters of <paramref name="text"/> in web addresses: words holding <c>://</c> or opening with <c>www.</c>.</summary>
    private static int AddressLength(string text)
    {
        if (!text.Contains("://", StringComparison.Ordinal) && !text.Contains("www.", StringComparison.OrdinalIgnoreCase))
        {
            return 0;
        }

        var length = 0;
        var span = text.AsSpan();
        foreach (var range in span.SplitAny(' ', '\n', '\t'))
        {
            var word = span[range];
            if (word.Contains("://", StringComparison.Ordinal) || word.StartsWith("www.", StringComparison.OrdinalIgnoreCase))
            {
                length += word.Length;
            }
        }

        return length;
    }

    /// <summary>The symbols of code and tables: brackets, operators, rules and bars.</summary>
    private static readonly SearchValues<char> CodeSymbols = SearchValues.Create("{}();=<>[]/$_|*#│─┼");

    /// <summary>Code or a table row: symbols (brackets, operators, rules and bars) make a twentieth of it or more of what is not white space.</summary>
    /// <remarks>Counted with vectorised searches: every block of a Markdown dump is asked, most of them twice.</remarks>
    private static bool LooksLikeCode(ArraySegment<DumpBlock> members)
    {
        int symbols = 0, visible = 0;
        foreach (var member in members)
        {
            symbols += member.Text.AsSpan().CountAny(CodeSymbols);
            visible += member.Text.Length - WhiteSpace.Count(member.Text);
        }

        return symbols >= 2 && symbols >= visible * MinCodeSymbolShare;
    }

    /// <summary>
    /// Per block, how many blocks of the page have its text (case and surrounding white space aside). Only lines as short
    /// as a headline are counted: repetition tells nothing of longer text.
    /// </summary>
    private static int[] RepeatCounts(IReadOnlyList<DumpBlock> blocks)
    {
        const int longestCounted = 250;

        // Each text counted is hashed once: it gets the number of the first block that had it, and that number's count.
        var firstOf = new Dictionary<string, int>(blocks.Count, StringComparer.OrdinalIgnoreCase);
        var lookup = firstOf.GetAlternateLookup<ReadOnlySpan<char>>();
        var sameAs = new int[blocks.Count];
        var counts = new int[blocks.Count];
        for (var i = 0; i < blocks.Count; i++)
        {
            var text = blocks[i].Text;
            if (text.Length > longestCounted)
            {
                sameAs[i] = -1;
                continue;
            }

            // Blocks come folded (trimmed already): the text itself is the key, and only untrimmed text is keyed by a copy.
            var trimmed = text.AsSpan().Trim();
            ref var first = ref trimmed.Length == text.Length
                ? ref CollectionsMarshal.GetValueRefOrAddDefault(firstOf, text, out var seen)
                : ref CollectionsMarshal.GetValueRefOrAddDefault(lookup, trimmed, out seen);
            first = seen ? first : i;
            sameAs[i] = first;
            counts[first]++;
        }

        // Each block's count in place of the block it is the same as: the repeats.
        for (var i = 0; i < sameAs.Length; i++)
        {
            sameAs[i] = sameAs[i] < 0 ? 1 : counts[sameAs[i]];
        }

        return sameAs;
    }
}
