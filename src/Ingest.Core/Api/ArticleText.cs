using System.Text;
using Ingest.Core.Api.Contracts;

namespace Ingest.Core.Api;

/// <summary>An article as plain text: the title, then each heading and its paragraphs, blank lines between.</summary>
public static class ArticleText
{
    public static string Render(ArticleDto article)
    {
        var text = new StringBuilder();
        if (article.Title is not null)
        {
            text.Append(article.Title).Append("\n\n");
        }

        foreach (var section in article.Sections)
        {
            if (section.Heading is not null)
            {
                text.Append(section.Heading).Append("\n\n");
            }

            foreach (var paragraph in section.Paragraphs)
            {
                text.Append(paragraph).Append("\n\n");
            }
        }

        return text.ToString().TrimEnd('\n') + "\n";
    }
}
