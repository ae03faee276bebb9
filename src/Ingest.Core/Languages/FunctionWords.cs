using System.Collections.Frozen;
using System.Text;

namespace Ingest.Core.Languages;

/// <summary>
/// The commonest function words (articles, prepositions, conjunctions, pronouns, auxiliaries) of the languages news is
/// most often written in with spaces between words. Prose is dense with them whatever it is about; menus, captions,
/// buttons and lists of headlines are not. Words shared by several languages count for each.
/// </summary>
public static class FunctionWords
{
    private static readonly Dictionary<string, HashSet<string>> ByLanguage = new()
    {
        ["en"] = Words("the a an and or but of to in on at by for with from as into is are was were be been being has have had will would could should can may might it its he she they we you i his her their our your this that these those which who whom what when where not no said after before about than more also if so there"),
        ["fr"] = Words("le la les l un une des du de d et ou mais est sont était été être a ont avait dans pour sur par avec sans pas ne qui que qu ce cette ces il elle ils elles nous vous on se sa son ses leur leurs au aux plus y en comme"),
        ["de"] = Words("der die das den dem des ein eine einen einem einer und oder aber ist sind war waren wird werden wurde hat haben hatte nicht mit sich auf zu von im in für auch bei aus nach wie als es er sie wir ihr sein seine ihre dass noch nur so"),
        ["es"] = Words("el la los las un una unos unas y o pero de del en que por con para es son fue era ha han se su sus lo le les como más al no sin sobre este esta entre también ya muy"),
        ["it"] = Words("il lo la i gli le un una uno di del della dei delle e o ma che per con non si è sono era ha hanno nel nella alla al come più anche questo questa da in tra su"),
        ["nl"] = Words("de het een en of maar van in op te met voor zijn is was werd wordt niet aan ook bij door naar dat die dit deze er hij zij we ze als om dan nog"),
        ["pt"] = Words("o a os as um uma uns umas e ou mas de do da dos das em no na nos nas que por para com não é são foi era se seu sua seus suas ao aos mais como pelo pela também já"),
        ["cs"] = Words("a i v ve na se je jsou byl byla bylo by to ten ta že s z ze do o od po pro k ke jako ale nebo tak už jen také který která které jeho její jejich není bude"),
        ["pl"] = Words("i w we na z ze do o od po za się jest są był była było to ten ta że nie jak ale lub czy tak już tylko też który która które jego jej ich przez dla"),
        ["ro"] = Words("și în la de pe cu a al ale un o unei unui din pentru că nu se este sunt era au fost mai sau dar ca care acest această lor"),
        ["sv"] = Words("och i att det som en ett på är av för med till den har de inte om var ett men så från han hon vi sig kan ska"),
        ["tr"] = Words("ve bir bu da de ile için gibi daha çok olan olarak ama ya en her şey o ne kadar sonra değil"),
        ["id"] = Words("dan yang di ke dari untuk dengan ini itu pada adalah dalam tidak akan juga atau oleh karena sebagai telah bisa ada"),
    };

    /// <summary>Per word, the languages (by index into <see cref="Languages"/>) it is a function word of, as bits.</summary>
    /// <remarks>Frozen: looked up for every word of every page (by language detection, prose measures and subject words).</remarks>
    private static readonly FrozenDictionary<string, int> LanguagesOfWord = IndexLanguages().ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> LanguagesOfSpan =
        LanguagesOfWord.GetAlternateLookup<ReadOnlySpan<char>>();

    public static IReadOnlyList<string> Languages { get; } = [.. ByLanguage.Keys];

    /// <summary>The longest function word: anything longer is looked up no further.</summary>
    private static readonly int LongestWord = LanguagesOfWord.Keys.Max(w => w.Length);

    /// <summary>
    /// The shapes of the function words — length and first two letters, case aside — as a table indexed by
    /// <see cref="ShapeOf"/>: a word of a shape no function word has (nearly every word that is not one) is turned away
    /// without hashing it.
    /// </summary>
    private static readonly bool[] Shapes = IndexShapes();

    public static int IndexOf(string language)
    {
        for (var i = 0; i < Languages.Count; i++)
        {
            if (Languages[i] == language)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// The function words whose upper case is ASCII (nearly all), by <see cref="AsciiKey"/>: a word of ASCII letters, the
    /// commonest kind, is looked up as one number instead of being hashed and compared case aside character by character.
    /// </summary>
    private static readonly FrozenDictionary<ulong, int> LanguagesOfAsciiKey = LanguagesOfWord
        .Select(pair => (Upper: pair.Key.ToUpperInvariant(), Languages: pair.Value))
        .Where(word => Ascii.IsValid(word.Upper))
        .GroupBy(word => AsciiKey(word.Upper), word => word.Languages)
        .ToFrozenDictionary(group => group.Key, group => group.Aggregate((all, languages) => all | languages));

    /// <summary>The languages <paramref name="word"/> (any case) is a function word of, as bits by index into <see cref="Languages"/>; 0 for none.</summary>
    public static int LanguagesOf(ReadOnlySpan<char> word)
    {
        if (word.Length == 0 || word.Length > LongestWord || !Shapes[ShapeOf(word)])
        {
            return 0;
        }

        // An ASCII word equals, case aside, only the function words whose upper case is ASCII; any other word is looked up
        // case aside as it is.
        if (AsciiKey(word) is var key and not 0)
        {
            return LanguagesOfAsciiKey.GetValueOrDefault(key);
        }

        return LanguagesOfCaseBlind(word);
    }

    /// <summary>The languages <paramref name="word"/> is a function word of, looked up case aside as it is, whatever its characters: what <see cref="LanguagesOf"/> answers.</summary>
    internal static int LanguagesOfCaseBlind(ReadOnlySpan<char> word) => LanguagesOfSpan.TryGetValue(word, out var languages) ? languages : 0;

    /// <summary>Every function word, of every language.</summary>
    internal static IEnumerable<string> AllWords => LanguagesOfWord.Keys;

    /// <summary>
    /// A word of up to seven ASCII characters as one number: its length, then its characters a byte each, letters upper-cased
    /// (as a case-blind ordinal comparison compares them); 0 for a longer word or one with any other character.
    /// </summary>
    private static ulong AsciiKey(ReadOnlySpan<char> word)
    {
        if (word.Length > 7)
        {
            return 0;
        }

        var key = (ulong)word.Length;
        foreach (var c in word)
        {
            if (!char.IsAscii(c))
            {
                return 0;
            }

            key = (key << 8) | (byte)(char.IsAsciiLetterLower(c) ? c - ('a' - 'A') : c);
        }

        return key;
    }

    /// <summary>
    /// A word's shape: its length and its first two letters, each letter folded to 1–26 when it is an ASCII letter and to
    /// 0 otherwise (so any other letter matches any word with a letter outside ASCII there). Asked only of words no
    /// longer than <see cref="LongestWord"/>, which bounds the table.
    /// </summary>
    private static int ShapeOf(ReadOnlySpan<char> word) =>
        (((word.Length * 27) + Fold(word[0])) * 27) + (word.Length > 1 ? Fold(word[1]) : 0);

    private static int Fold(char c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a' ? (c | 0x20) - 'a' + 1 : 0;

    private static bool[] IndexShapes()
    {
        var shapes = new bool[(LongestWord + 1) * 27 * 27];
        foreach (var word in LanguagesOfWord.Keys)
        {
            shapes[ShapeOf(word)] = true;
        }

        return shapes;
    }

    private static Dictionary<string, int> IndexLanguages()
    {
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var bit = 0;
        foreach (var (_, words) in ByLanguage)
        {
            foreach (var word in words)
            {
                index[word] = index.GetValueOrDefault(word) | (1 << bit);
            }

            bit++;
        }

        return index;
    }

    private static HashSet<string> Words(string list) =>
        new(list.Split(' ', StringSplitOptions.RemoveEmptyEntries), StringComparer.OrdinalIgnoreCase);
}
