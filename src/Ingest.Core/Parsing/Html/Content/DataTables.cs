namespace Ingest.Core.Parsing.Html.Content;

/// <summary>Tells a data table (rows of facts, which are content) from a layout table (page structure), as screen readers do.</summary>
internal static class DataTables
{
    public static bool IsDataTable(PageNode table)
    {
        if (table.Attribute("role") == "presentation" || table.Attribute("datatable") == "0")
        {
            return false;
        }

        if (!string.IsNullOrEmpty(table.Attribute("summary")))
        {
            return true;
        }

        var descendants = table.Descendants().Where(d => !d.IsText).ToList();
        if (descendants.Any(d => d.Tag == "caption" && d.Children.Count > 0) || descendants.Any(d => d.Tag is "col" or "colgroup" or "tfoot" or "thead" or "th"))
        {
            return true;
        }

        if (descendants.Any(d => d.Tag == "table"))
        {
            return false;
        }

        var rows = 0;
        var columns = 0;
        foreach (var row in descendants.Where(d => d.Tag == "tr"))
        {
            rows += int.TryParse(row.Attribute("rowspan"), out var rowspan) && rowspan > 0 ? rowspan : 1;
            columns = Math.Max(columns, row.ElementChildren.Where(c => c.Tag == "td")
                .Sum(cell => int.TryParse(cell.Attribute("colspan"), out var colspan) && colspan > 0 ? colspan : 1));
        }

        return rows >= 10 || columns > 4 || rows * columns > 10;
    }
}
