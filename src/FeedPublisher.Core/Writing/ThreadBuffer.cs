namespace FeedPublisher.Core.Writing;

/// <summary>
/// One growable buffer per thread for output that is complete before it is used (a feed file).
/// A new MemoryStream doubled its way up to each ~300 KB feed through three arrays on the
/// large-object heap, and every such array counts towards a full collection: a running service's
/// publish of one changed article set off two to four of them. A publish stages each file straight
/// from the buffer (<see cref="Fill"/>); a copy of its own (<see cref="Collect"/>), another
/// large-object array per file, is for callers that keep the bytes. The price: each thread that
/// has rendered keeps a buffer as large as its largest file (~0.5 MB for a full-content feed of
/// 50 items), for the few threads that publishes run on.
/// </summary>
internal static class ThreadBuffer
{
    [ThreadStatic]
    private static MemoryStream? _buffer;

    /// <summary>
    /// The bytes <paramref name="write"/> writes to the stream it is given (which it must not keep
    /// or dispose), in this thread's buffer: valid until the thread fills it again, so they are
    /// used at once, on this thread, and never kept.
    /// </summary>
    public static ReadOnlyMemory<byte> Fill(Action<Stream> write)
    {
        var buffer = _buffer ??= new MemoryStream();
        buffer.SetLength(0);
        write(buffer);
        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }

    /// <summary>The bytes <paramref name="write"/> writes, as an array of their own.</summary>
    public static byte[] Collect(Action<Stream> write) => Fill(write).ToArray();
}
