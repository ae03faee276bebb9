using System.Buffers;
using Ingest.Core.Decoding;
using Ingest.Core.Metadata;
using Ingest.Core.Model;
using Ingest.Core.Normalisation;
using Ingest.Core.Parsing;

namespace Ingest.Core.Extraction;

/// <summary>
/// The whole of Ingest.Core's pure pipeline for one file:
/// bytes → <see cref="TextDecoder"/> → <see cref="TextNormaliser"/> → <see cref="FormatDetector"/> → the format's reader
/// → <see cref="ArticleAssembler"/>. Never throws on any input.
/// </summary>
public sealed class ArticleExtractor(ArticleReaders readers, ExtractionLimits limits)
{
    /// <summary>
    /// The version of the extraction code. It is part of the idempotency key: raise it when a change
    /// to any stage would extract stored content differently, and the next delivery re-extracts.
    /// </summary>
    public const string Version = "5";

    // Decoded text with more than this share of NULs, other control characters or undecodable bytes is not text.
    private const double MaxNonTextShare = 0.05;

    public ArticleExtractor()
        : this(ArticleReaders.Create(ExtractionLimits.Default), ExtractionLimits.Default)
    {
    }

    public ExtractionResult Extract(ReadOnlySpan<byte> content, string fileName)
    {
        if (ReadText(content) is not (var text, var encodingName))
        {
            return ExtractionResult.Failure(ExtractionError.Binary());
        }

        if (text.Length == 0)
        {
            return ExtractionResult.Failure(ExtractionError.Empty());
        }

        var format = FormatDetector.Detect(fileName, text, limits.MaxJsonDepth);
        ReadResult read;
        try
        {
            read = readers.For(format).Read(text);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Readers are written never to throw; if one does, the same file would fail the same way on every retry.
            return ExtractionResult.Failure(ExtractionError.Unreadable(format, exception.GetType().Name));
        }

        if (read.Error is not null)
        {
            return ExtractionResult.Failure(read.Error);
        }

        var drafts = read.Drafts.Where(d => !d.IsEmpty).ToList();
        if (drafts.Count == 0)
        {
            return ExtractionResult.Failure(ExtractionError.NoArticle());
        }

        var size = content.Length;
        var articles = drafts.Select(draft => ArticleAssembler.Assemble(
            draft,
            new ExtractedSource(format, encodingName, ContentHash.Of(draft.ContentText ?? text), size))).ToList();
        return ExtractionResult.Success(articles);
    }

    /// <summary>
    /// The file's text, decoded and normalised, and the name of its encoding; null when it is not text. Its own method so that
    /// the decoded text, as long as the file, is gone before the text is read (a large file's peak).
    /// </summary>
    /// <remarks>
    /// A file is decoded into a pooled buffer, so that the normalised text is the one copy of it made. A large file (past what
    /// the pool holds) is decoded into a string instead: normalising returns that string itself when nothing changes, where a
    /// buffer would be one more allocation the size of the text.
    /// </remarks>
    private static (string Text, string EncodingName)? ReadText(ReadOnlySpan<byte> content)
    {
        var maxChars = TextDecoder.MaxChars(content.Length);
        if (!PooledChars.Pools(maxChars))
        {
            var (text, encodingName) = TextDecoder.Decode(content);
            return IsBinary(text) ? null : (TextNormaliser.Normalise(text), encodingName);
        }

        var decoded = new PooledChars(maxChars);
        try
        {
            var (length, encodingName) = TextDecoder.Decode(content, decoded.Free(maxChars));
            decoded.Advance(length);
            return IsBinary(decoded.Written) ? null : (TextNormaliser.Normalise(decoded.Written), encodingName);
        }
        finally
        {
            decoded.Dispose();
        }
    }

    /// <summary>Control characters but the line-breaking ones, and U+FFFD (an undecodable byte): what text has next to none of.</summary>
    private static readonly SearchValues<char> NonText = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Concat(Enumerable.Range(0x7F, 0x21)).Select(c => (char)c).Where(c => c is not ('\n' or '\r' or '\t' or '\f')), '\uFFFD']);

    private static bool IsBinary(ReadOnlySpan<char> text)
    {
        // Counted with a vectorised search from one suspicious character to the next: most text has none at all.
        return text.CountAny(NonText) > text.Length * MaxNonTextShare;
    }
}
