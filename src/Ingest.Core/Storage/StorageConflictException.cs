namespace Ingest.Core.Storage;

/// <summary>Concurrent writers kept one article changing longer than a write waits. Transient: the trigger's retry settles it.</summary>
public sealed class StorageConflictException(string message) : Exception(message);
