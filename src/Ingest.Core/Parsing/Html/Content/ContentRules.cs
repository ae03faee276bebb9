namespace Ingest.Core.Parsing.Html.Content;

/// <summary>The rules a pass of <see cref="ContentFinder"/> applies; later passes drop rules when a stricter one found too little.</summary>
[Flags]
internal enum ContentRules
{
    None = 0,

    /// <summary>Leave out elements whose class, id or role names furniture.</summary>
    DropFurniture = 1,

    /// <summary>Weigh candidates by their class and id hints.</summary>
    WeighClasses = 2,

    /// <summary>Remove blocks inside the content that look like furniture by their make-up (<see cref="ContentCleaner"/>).</summary>
    CleanConditionally = 4,

    All = DropFurniture | WeighClasses | CleanConditionally,
}
