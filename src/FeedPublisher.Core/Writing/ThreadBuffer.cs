namespace FeedPublisher.Core.Writing;

/// <summary>
/// One growable buffer per thread, for output whose bytes are copied out once it is complete
/// (a feed file, its gzip). A new MemoryStream doubled its way up to each ~300 KB feed through
/// three arrays on the large-object heap, and every such array counts towards a full collection:
/// a running service's publish of one changed article set off two to four of them. The price:
/// each thread that has rendered keeps a buffer as large as its largest file (~0.5 MB for a
/// full-content feed of 50 items), for the few threads that publishes run on.
/// </summary>
internal static class ThreadBuffer
{
    [ThreadStatic]
    private static MemoryStream? _buffer;

    /// <summary>This thread's buffer, emptied. Copy its bytes out before the thread rents it again; never dispose it.</summary>
    public static MemoryStream Rent()
    {
        var buffer = _buffer ??= new MemoryStream();
        buffer.SetLength(0);
        return buffer;
    }
}
