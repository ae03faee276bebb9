using Ingest.Core.Storage;

namespace Ingest.Cli.Push;

/// <summary>One local file to push and the blob name it gets: the prefix, then its path under the folder pushed.</summary>
public sealed record PushFile(string LocalPath, string Blob, long Length);

/// <summary>Which files a <c>push</c> of a file or a folder uploads, and under which names.</summary>
public static class PushFiles
{
    public static IReadOnlyList<PushFile> Collect(string path, bool recursive, string prefix)
    {
        if (File.Exists(path))
        {
            return [Named(path, prefix + Path.GetFileName(path))];
        }

        if (!Directory.Exists(path))
        {
            throw new CliException($"There is no file or folder '{path}'.", ExitCodes.Usage);
        }

        var root = Path.GetFullPath(path);
        var files = Directory.EnumerateFiles(root, "*", new EnumerationOptions
            {
                RecurseSubdirectories = recursive,
                IgnoreInaccessible = true,
                AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
            })
            .Order(StringComparer.Ordinal)
            .Select(file => Named(file, prefix + Path.GetRelativePath(root, file).Replace(Path.DirectorySeparatorChar, '/')))
            .ToList();
        return files.Count > 0
            ? files
            : throw new CliException($"'{path}' holds no files{(recursive ? "" : " (add --recursive to push its folders too)")}.", ExitCodes.Usage);
    }

    private static PushFile Named(string path, string blob) =>
        BlobNames.Problem(blob) is { } problem
            ? throw new CliException($"'{blob}' cannot be a blob name: {problem}", ExitCodes.Usage)
            : new PushFile(path, blob, new FileInfo(path).Length);
}
