namespace Ingest.Core.Model;

/// <summary>The place, wire or publisher, and date that open a news story: <c>Tehran (Brussels Morning Newspaper) 20 January 2026 –</c>.</summary>
public sealed record Dateline(string Location, string? Publisher, DateOnly? Date);
