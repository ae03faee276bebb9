using Ingest.Core.Storage;

namespace Ingest.IntegrationTests.Storage;

/// <summary>Ingestion records for the storage tests: one blob version, changed some minutes after it was written.</summary>
internal static class TestRecords
{
    public static readonly DateTimeOffset Start = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A record of <paramref name="blob"/> with <paramref name="status"/>, changed <paramref name="minute"/> minutes after <see cref="Start"/>.</summary>
    public static IngestionRecord At(string blob, string status, int minute) =>
        new(blob, status, [], 1, null, null, new BlobVersion("\"0x1\"", Start), Start.AddMinutes(minute));
}
