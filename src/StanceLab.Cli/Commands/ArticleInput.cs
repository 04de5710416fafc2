using System.Text;
using StanceLab.Data;

namespace StanceLab.Cli.Commands;

/// <summary>Reads the articles to score: files, or standard input for "-".</summary>
internal static class ArticleInput
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Read(CliIo io, string path)
    {
        if (path == "-") return io.Input.ReadToEnd();
        if (Directory.Exists(path)) throw new UsageException($"{path}: is a directory; give the article files in it (e.g. {Path.Combine(path, "*.txt")})");
        if (!File.Exists(path)) throw new UsageException($"{path}: file not found");
        var bytes = File.ReadAllBytes(path);
        try
        {
            return StrictUtf8.GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException e)
        {
            // Bad data, not a wrong command line: name the line the first bad byte is on.
            int at = Math.Clamp(e.Index, 0, bytes.Length);
            int line = 1 + bytes.AsSpan(0, at).Count((byte)'\n');
            throw new DataFormatException(path, line, "invalid UTF-8 (articles must be UTF-8 text)");
        }
    }
}
