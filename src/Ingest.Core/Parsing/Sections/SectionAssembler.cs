namespace Ingest.Core.Parsing.Sections;

/// <summary>
/// Turns body blocks, in document order, into sections, the same way for every format: a heading opens a section
/// (what comes before the first is the lead, heading null); an image credit belongs to the section it stands in;
/// list items that come before any paragraph or heading are the key points, later ones are paragraphs; when nothing
/// but list items is there, they are the body, not key points.
/// </summary>
public static class SectionAssembler
{
    public static (List<string> Summary, List<SectionDraft> Sections) Assemble(IEnumerable<ArticleBlock> blocks, IEnumerable<string>? leadCredits = null)
    {
        var all = blocks as IReadOnlyList<ArticleBlock> ?? blocks.ToList();
        var hasBody = all.Any(b => b.Kind is BlockKind.Heading or BlockKind.Paragraph);
        var summary = new List<string>();
        var sections = new List<SectionDraft>();
        var current = new SectionBuilder(null, [.. leadCredits ?? []], BlocksBeforeHeading(all, 0));
        var bodyStarted = false;
        for (var i = 0; i < all.Count; i++)
        {
            var block = all[i];
            switch (block.Kind)
            {
                case BlockKind.Heading:
                    current.AddTo(sections);
                    current = new SectionBuilder(block.Text, [], BlocksBeforeHeading(all, i + 1));
                    bodyStarted = true;
                    break;
                case BlockKind.Credit:
                    current.ImageCredits.Add(block.Text);
                    break;
                case BlockKind.ListItem when !bodyStarted && hasBody:
                    summary.Add(block.Text);
                    break;
                default:
                    current.Paragraphs.Add(block.Text);
                    bodyStarted = true;
                    break;
            }
        }

        current.AddTo(sections);
        return (summary, sections);
    }

    /// <summary>How many blocks from <paramref name="start"/> come before the next heading: room for a section's paragraphs, which a long article's would otherwise grow into again and again.</summary>
    private static int BlocksBeforeHeading(IReadOnlyList<ArticleBlock> blocks, int start)
    {
        var end = start;
        while (end < blocks.Count && blocks[end].Kind != BlockKind.Heading)
        {
            end++;
        }

        return end - start;
    }

    private sealed class SectionBuilder(string? heading, List<string> imageCredits, int paragraphsAtMost)
    {
        public List<string> Paragraphs { get; } = new(paragraphsAtMost);
        public List<string> ImageCredits { get; } = imageCredits;

        /// <summary>Adds the section unless it is a lead with nothing in it (an article that opens with a heading).</summary>
        public void AddTo(List<SectionDraft> sections)
        {
            if (heading is not null || Paragraphs.Count > 0 || ImageCredits.Count > 0)
            {
                sections.Add(new SectionDraft(heading, Paragraphs, ImageCredits));
            }
        }
    }
}
