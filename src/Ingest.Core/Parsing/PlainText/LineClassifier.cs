using System.Buffers;
using System.Text.RegularExpressions;
using Ingest.Core.Parsing.Bylines;

namespace Ingest.Core.Parsing.PlainText;

/// <summary>Classifies one line by its own shape. No rule names a site.</summary>
internal static partial class LineClassifier
{
    private const int MaxBoilerplateWords = 12;

    private static readonly HashSet<string> BoilerplateLines = new(StringComparer.OrdinalIgnoreCase)
    {
        "header-image", "featured image", "image", "advertisement", "advert", "ad", "sponsored", "sponsored content",
        "skip to main content", "skip to content", "share", "share this", "share this article", "share this story",
        "share article", "tweet", "email", "print", "subscribe", "subscribe now", "sign up", "newsletter", "read more",
        "related", "related articles", "related stories", "recommended", "comments", "show comments", "loading…",
        "loading...", "click to enlarge", "back to top", "continue reading",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> BoilerplateLineLookup = BoilerplateLines.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The first letters of <see cref="BoilerplatePrefix"/>'s openings, in both cases: a line opening otherwise is not tried.</summary>
    private const string BoilerplatePrefixOpenings = "SsRrFfCcAa";

    [GeneratedRegex(@"^(?:share (?:this|on|via|article)|subscribe (?:to|now|for|today)|sign up (?:for|to|now|today)|read more\b|related:|see also:|follow us\b|click here\b|advertisement\b|sponsored by\b|continue reading\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BoilerplatePrefix();

    /// <summary>The first letters of <see cref="CreditLine"/>'s openings, in both cases: a line opening otherwise is not tried.</summary>
    private const string CreditLineOpenings = "PpIiGgVvCc";

    [GeneratedRegex(@"^(?:(?:Photo(?:graph)?s?|Image|Picture|Illustration|Graphic|Video|Credits?|Photo credit|Image credit|Image source)\s*:|(?:Photo(?:graph)?|Image|Picture)\s+(?:by|courtesy of)\s)\s*(?<credit>\S.{0,150}?)\.?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CreditLine();

    /// <summary>What opens a bulleted line (the dash last: in the pattern's character class it stands for itself).</summary>
    private const string BulletMarks = "•*·‣▪◦●–-";

    private static readonly SearchValues<char> BulletMark = SearchValues.Create(BulletMarks);

    [GeneratedRegex(@"^\s*[" + BulletMarks + @"]\s+(?<text>\S.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex BulletLine();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex WhiteSpaceRun();

    public static ClassifiedLine Classify(string line)
    {
        // Each pattern is tried only on a line whose first character it could match: most lines are prose, and a match
        // attempt costs more than the look at one character that rules it out.
        var bullet = line.AsSpan().TrimStart() is [var first, ..] && BulletMark.Contains(first) ? BulletLine().Match(line) : Match.Empty;
        if (bullet.Success)
        {
            return new ClassifiedLine(LineKind.Bullet, Fold(bullet.Groups["text"].Value));
        }

        var text = Fold(line);
        if (IsBoilerplate(text))
        {
            return new ClassifiedLine(LineKind.Boilerplate, text);
        }

        var credit = MayOpen(text, CreditLineOpenings) ? CreditLine().Match(text) : Match.Empty;
        if (credit.Success)
        {
            return new ClassifiedLine(LineKind.Credit, credit.Groups["credit"].Value.Trim());
        }

        return BylineParser.TryParse(text) is { } byline
            ? new ClassifiedLine(LineKind.Byline, text, byline)
            : new ClassifiedLine(LineKind.Text, text);
    }

    /// <summary>Trims a line and folds its runs of white space (indents, doubled spaces after a removed NBSP) into one space.</summary>
    public static string Fold(string text)
    {
        var trimmed = text.Trim();
        return HasWhiteSpaceToFold(trimmed) ? WhiteSpaceRun().Replace(trimmed, " ") : trimmed;
    }

    /// <summary>Whether any white space is other than a lone space (most lines need no folding, and then no copy).</summary>
    /// <remarks>Two vectorised searches: lines are folded by every reader, block by block.</remarks>
    private static bool HasWhiteSpaceToFold(string text) =>
        text.AsSpan().ContainsAny(WhiteSpace.ButTheSpace) || text.Contains("  ", StringComparison.Ordinal);

    /// <remarks>The cheap tests first (a length, a first letter): most lines are long prose, and counting words costs more.</remarks>
    private static bool IsBoilerplate(string text) =>
        (text.AsSpan().TrimEnd(":.!") is var bare && bare.Length <= LongestBoilerplateLine && LineWords.AtMost(text, MaxBoilerplateWords) && BoilerplateLineLookup.Contains(bare))
        || (MayOpen(text, BoilerplatePrefixOpenings) && LineWords.AtMost(text, MaxBoilerplateWords) && BoilerplatePrefix().IsMatch(text));

    private static readonly int LongestBoilerplateLine = BoilerplateLines.Max(line => line.Length);

    /// <summary>
    /// Whether <paramref name="text"/> opens with one of <paramref name="letters"/> (a pattern's first letters in both cases)
    /// or with a character outside ASCII, which a pattern that ignores case may match in ways of its own.
    /// </summary>
    internal static bool MayOpen(string text, string letters) => text.Length > 0 && (text[0] >= 128 || letters.Contains(text[0]));
}
