using System.Globalization;
using System.Text;

namespace Ingest.Load;

/// <summary>The files a burst drops: synthetic plain-text stories of one size, or real pages and the corpus in every format.</summary>
internal static class BurstFiles
{
    /// <summary><paramref name="count"/> files named <c>burst/{i}{ext}</c>: the shared corpus and real pages (HTML, text, Markdown) in turn.</summary>
    public static List<(string Name, BinaryData Body)> Real(string repositoryRoot, int count)
    {
        var shared = Path.GetFullPath(Path.Combine(repositoryRoot, "..", "shared"));
        var sources = Directory.GetFiles(Path.Combine(shared, "corpus"))
            .Where(f => Path.GetFileName(f) != "expected.json")
            .Concat(Directory.GetFiles(Path.Combine(shared, "real-pages", "pages")))
            .Order(StringComparer.Ordinal)
            .Select(f => (Extension: Path.GetExtension(f), Body: BinaryData.FromBytes(File.ReadAllBytes(f))))
            .ToList();
        return Enumerable.Range(0, count)
            .Select(i => ($"burst/{i:D5}{sources[i % sources.Count].Extension}", sources[i % sources.Count].Body))
            .ToList();
    }

    /// <summary><paramref name="count"/> copies of one plain-text story of just under <paramref name="bytes"/> bytes.</summary>
    public static List<(string Name, BinaryData Body)> Stories(int count, int bytes)
    {
        var body = BinaryData.FromBytes(Story(bytes));
        return Enumerable.Range(0, count).Select(i => ($"burst/{i:D5}.txt", body)).ToList();
    }

    /// <summary>A plain-text story of just under <paramref name="bytes"/> bytes (10 MiB is the largest file ingested): a headline, then paragraphs.</summary>
    private static byte[] Story(int bytes)
    {
        var text = new StringBuilder("A Very Long Story\n\nBy Ann Lee\n\n", bytes + 200);
        var paragraph = 0;
        while (text.Length < bytes - 200)
        {
            text.Append(CultureInfo.InvariantCulture, $"Paragraph {paragraph++} of a long story, with enough words in it to read as prose, and a comma.\n\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
