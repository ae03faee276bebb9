namespace Ingest.Core.Metadata;

/// <summary>Minutes to read at an adult's silent reading pace, rounded up, never less than one.</summary>
public static class ReadingTime
{
    public const int WordsPerMinute = 230;

    public static int Minutes(int wordCount) => Math.Max(1, (wordCount + WordsPerMinute - 1) / WordsPerMinute);
}
