using Ingest.Core.Ingestion;

namespace Ingest.Cli;

/// <summary>What <c>ingest</c> exits with, for scripts.</summary>
public static class ExitCodes
{
    /// <summary>Done, and every file reached a good status (succeeded or unchanged).</summary>
    public const int Ok = 0;

    /// <summary>Done, but some file failed, was poisoned, was refused on upload, or did not finish in time.</summary>
    public const int SomeFailed = 1;

    /// <summary>The command line or the settings are wrong.</summary>
    public const int Usage = 2;

    /// <summary>The host or storage refused the request or could not be reached.</summary>
    public const int Unavailable = 3;

    /// <summary>The blob or article named does not exist.</summary>
    public const int NotFound = 4;

    /// <summary>What a command that reports one file's final status exits with: <see cref="SomeFailed"/> when it failed or was poisoned.</summary>
    public static int ForStatus(string status) => status is IngestionStatus.Failed or IngestionStatus.Poisoned ? SomeFailed : Ok;
}

/// <summary>A failure the CLI reports as one line and an exit code, never a stack trace.</summary>
public sealed class CliException(string message, int exitCode) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
