using System.Globalization;
using System.Text;

namespace Ingest.Eval.RealPages;

/// <summary>
/// The body metric of the public article-body extraction benchmarks, exactly as <c>real-pages/score.py</c> computes it:
/// text split into word tokens (letters, digits and the underscore, as Python's <c>\w</c>), each body a multiset of
/// 4-token shingles, true/false positives and false negatives normalised per page so long pages weigh no more than
/// short ones.
/// </summary>
public readonly record struct ShingleScore(double TruePositive, double FalsePositive, double FalseNegative)
{
    private const int ShingleLength = 4;

    /// <summary>Precision of this page: 1 when both bodies are equal (or both empty), 0 when nothing predicted matches.</summary>
    public double Precision =>
        FalsePositive == 0 && FalseNegative == 0 ? 1
        : TruePositive == 0 && FalsePositive == 0 ? 0
        : TruePositive / (TruePositive + FalsePositive);

    public double Recall =>
        FalsePositive == 0 && FalseNegative == 0 ? 1
        : TruePositive == 0 && FalseNegative == 0 ? 0
        : TruePositive / (TruePositive + FalseNegative);

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>Whether the page predicted anything: pages that did not are left out of the mean precision.</summary>
    public bool HasPrediction => TruePositive + FalsePositive > 0;

    /// <summary>Whether the page expects anything: pages that do not are left out of the mean recall.</summary>
    public bool HasExpectation => TruePositive + FalseNegative > 0;

    public static ShingleScore Of(string expected, string predicted)
    {
        var wanted = Shingles(expected);
        var got = Shingles(predicted);
        double tp = 0, fp = 0, fn = 0;
        foreach (var key in wanted.Keys.Union(got.Keys))
        {
            var a = wanted.GetValueOrDefault(key);
            var b = got.GetValueOrDefault(key);
            tp += Math.Min(a, b);
            fp += Math.Max(0, b - a);
            fn += Math.Max(0, a - b);
        }

        var sum = tp + fp + fn;
        return sum == 0 ? default : new ShingleScore(tp / sum, fp / sum, fn / sum);
    }

    /// <summary>Corpus precision, recall and F1: precision and recall are means over the pages they are defined on; F1 is taken of those means.</summary>
    public static (double F1, double Precision, double Recall) Aggregate(IReadOnlyCollection<ShingleScore> pages)
    {
        var predicted = pages.Where(p => p.HasPrediction).ToList();
        var expected = pages.Where(p => p.HasExpectation).ToList();
        var precision = predicted.Count == 0 ? 0 : predicted.Average(p => p.Precision);
        var recall = expected.Count == 0 ? 0 : expected.Average(p => p.Recall);
        return (precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall), precision, recall);
    }

    /// <summary>The word tokens of a text, as Python's <c>re.findall(r"\w+")</c> finds them (by code point, not UTF-16 unit).</summary>
    public static List<string> Tokens(string? text)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        foreach (var rune in (text ?? "").EnumerateRunes())
        {
            if (IsWordRune(rune))
            {
                current.Append(rune.ToString());
            }
            else if (current.Length > 0)
            {
                tokens.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            tokens.Add(current.ToString());
        }

        return tokens;
    }

    private static Dictionary<string, int> Shingles(string? text)
    {
        var tokens = Tokens(text);
        var shingles = new Dictionary<string, int>(StringComparer.Ordinal);
        // As score.py: one shingle per start position, shorter ones only when the text has fewer than four tokens.
        for (var i = 0; i < Math.Max(1, tokens.Count - ShingleLength + 1) && i < tokens.Count; i++)
        {
            var key = string.Join('\u0001', tokens.Skip(i).Take(ShingleLength));
            shingles[key] = shingles.GetValueOrDefault(key) + 1;
        }

        return shingles;
    }

    /// <summary>Python's <c>str.isalnum()</c> or <c>_</c>: letters and numbers of every script; combining marks are not word characters.</summary>
    private static bool IsWordRune(Rune rune) => rune.Value == '_' || Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => true,
        _ => false,
    };
}
