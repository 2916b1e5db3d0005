using System.Text;
using FeedPublisher.Core.Model;

namespace FeedPublisher.Core.Reading;

/// <summary>
/// Turns an article file's bytes into text. UTF-8 with or without BOM and UTF-16 with BOM are
/// read as such; bytes that are not valid UTF-8 are read as Windows-1252 (what such files
/// almost always are) with a warning, rather than losing the article. An HTML page without a BOM
/// is read in the charset it declares. Binary files are rejected.
/// </summary>
public static class ArticleTextDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static ArticleTextDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static DecodedText Decode(ReadOnlySpan<byte> bytes, bool sniffHtmlCharset = false)
    {
        if (bytes.IsEmpty)
        {
            throw new ArticleRejectedException("the file is empty");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return new DecodedText(RejectBinary(Encoding.Unicode.GetString(bytes[2..])), null);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return new DecodedText(RejectBinary(Encoding.BigEndianUnicode.GetString(bytes[2..])), null);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        var nul = bytes.IndexOf((byte)0);
        if (nul >= 0)
        {
            throw new ArticleRejectedException($"binary content: a NUL byte at offset {nul}; not a text file");
        }

        if (sniffHtmlCharset && HtmlCharset.Declared(bytes) is { } declared && declared.CodePage != Encoding.UTF8.CodePage)
        {
            return new DecodedText(RejectBinary(declared.GetString(bytes)), null);
        }

        try
        {
            return new DecodedText(RejectBinary(StrictUtf8.GetString(bytes)), null);
        }
        catch (DecoderFallbackException e)
        {
            var text = RejectBinary(Encoding.GetEncoding(1252).GetString(bytes));
            return new DecodedText(text, $"not valid UTF-8 (first bad byte at offset {e.Index}); read as Windows-1252");
        }
    }

    /// <summary>Control characters that prose never holds: C0 but line breaks and tabs, DEL, C1.</summary>
    private static readonly System.Buffers.SearchValues<char> Controls = System.Buffers.SearchValues.Create(
        Enumerable.Range(0, 0xA0).Select(c => (char)c).Where(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f')).ToArray());

    /// <summary>Text is binary when control characters, which prose never holds, are more than 1% of it.</summary>
    private static string RejectBinary(string text)
    {
        if (text.AsSpan().IndexOfAny(Controls) < 0)
        {
            return text; // the usual case, found with one vectorized scan
        }

        var controls = text.Count(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f'));
        if (controls > text.Length / 100)
        {
            throw new ArticleRejectedException($"binary content: {controls} control characters in {text.Length}; not a text file");
        }

        return text;
    }
}
