namespace FeedPublisher.Core.Publishing;

/// <summary>
/// Renders a batch of feed files on every core and hands each file's bytes to the staging as soon
/// as it is rendered: the publish holds one file per core at a time, not the batch's bytes, and the
/// feed directory gets bytes, never a renderer. A batch is bounded by its caller (the feeds of a
/// publish, a few archive pages), so that what its files are rendered from is bounded too.
/// </summary>
internal static class RenderedBatch
{
    /// <returns>Per file, what staging did, in the batch's order.</returns>
    public static PublishedFile[] Stage(FeedStaging staging, IReadOnlyList<FileToRender> files, bool gzip)
    {
        var results = new PublishedFile[files.Count];
        // One file per core: without a bound, Parallel.For took every thread the pool injected
        // while files were written (5 -> 27 threads over a 100,000-article archive), and each
        // thread kept native memory of its own (zlib's state, malloc arenas): RSS grew with the archive.
        Parallel.For(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i => results[i] = files[i].Render is { } render
            ? staging.Stage(files[i].RelativePath, render().Span, gzip)
            : staging.Keep(files[i].RelativePath, gzip));
        return results;
    }
}
