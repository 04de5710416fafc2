using System.Globalization;
using StanceLab.Text;

namespace StanceLab.Features;

/// <summary>Receives the 64-bit hashes of a text's n-grams (see <see cref="NgramHash"/>).</summary>
internal interface INgramHashSink
{
    void Accept(ulong hash);
}

/// <summary>Receives the n-grams of a text: the key, whether it is a character n-gram, and the tokens it spans.</summary>
internal interface INgramSink
{
    void Accept(ReadOnlySpan<char> key, bool isChar, int firstToken, int lastToken);
}

/// <summary>
/// Produces the feature keys of a text without allocating per token or per n-gram. The text's
/// tokens are normalized (lower-cased, ’ → ', any quotation mark → ") into one buffer, separated
/// by single spaces, so a word n-gram's key is a slice of that buffer. Character n-grams come from
/// each word padded with '&lt;' and '&gt;' (fastText's boundary marks) and are slices of a second
/// buffer; they live in their own key space, and their feature names carry the prefix "c:", which
/// no word can contain. One generator is reused for many texts by one thread at a time.
/// </summary>
internal sealed class NgramGenerator
{
    public const string CharPrefix = "c:";

    private readonly FeaturizerOptions _options;
    private char[] _text = new char[512];
    private char[] _word = new char[64];
    private int[] _starts = new int[64];
    private int[] _lengths = new int[64];
    private int _count;
    private int _used;

    public NgramGenerator(FeaturizerOptions options) => _options = options;

    public int TokenCount => _count;

    /// <summary>Tokenizes and normalizes <paramref name="text"/> into the buffers.</summary>
    public void Load(string text)
    {
        Reset();
        for (int at = 0; Tokenizer.NextToken(text, at, out int start, out int end); at = end)
            Append(text.AsSpan(start, end - start));
    }

    /// <summary>Normalizes already cut tokens into the buffers (the explanation path, which keeps the tokens).</summary>
    public void Load(IReadOnlyList<Token> tokens)
    {
        Reset();
        foreach (var token in tokens) Append(token.Text);
    }

    private ReadOnlySpan<char> TokenSpan(int t) => _text.AsSpan(_starts[t], _lengths[t]);

    private bool IsWord(int t) => char.IsLetterOrDigit(_text[_starts[t]]);

    private void Reset()
    {
        _count = 0;
        _used = 0;
    }

    private void Append(ReadOnlySpan<char> token)
    {
        if (_count == _starts.Length)
        {
            Array.Resize(ref _starts, _count * 2);
            Array.Resize(ref _lengths, _count * 2);
        }
        int need = _used + token.Length + 1;
        if (need > _text.Length) Array.Resize(ref _text, Math.Max(need, _text.Length * 2));
        if (_count > 0) _text[_used++] = ' ';
        _starts[_count] = _used;
        if (token.Length == 1 && IsQuote(token[0]))
        {
            _text[_used++] = '"';
        }
        else
        {
            foreach (var c in token) _text[_used++] = c == '\u2019' ? '\'' : TextInfo.ToLower(c);
        }
        _lengths[_count] = _used - _starts[_count];
        _count++;
    }

    /// <summary>Writes token <paramref name="t"/> between the boundary marks into the word buffer; returns its padded length.</summary>
    private int PadWord(int t)
    {
        var word = TokenSpan(t);
        int padded = word.Length + 2;
        if (padded > _word.Length) _word = new char[Math.Max(padded, _word.Length * 2)];
        _word[0] = '<';
        word.CopyTo(_word.AsSpan(1));
        _word[padded - 1] = '>';
        return padded;
    }

    private int[] _tokenAt = new int[512];

    /// <summary>
    /// Writes the whole normalized sentence between two spaces into the word buffer, and for each
    /// position the token it belongs to (a space belongs to the token before it, the leading one
    /// to the first token); returns the padded length.
    /// </summary>
    private int PadSentence()
    {
        int padded = _used + 2;
        if (padded > _word.Length) _word = new char[Math.Max(padded, _word.Length * 2)];
        if (padded > _tokenAt.Length) _tokenAt = new int[Math.Max(padded, _tokenAt.Length * 2)];
        _word[0] = ' ';
        _text.AsSpan(0, _used).CopyTo(_word.AsSpan(1));
        _word[padded - 1] = ' ';
        int token = 0;
        _tokenAt[0] = 0;
        for (int i = 0; i < _used; i++)
        {
            while (token + 1 < _count && i >= _starts[token + 1]) token++;
            _tokenAt[i + 1] = token;
        }
        _tokenAt[padded - 1] = Math.Max(0, _count - 1);
        return padded;
    }

    private static readonly TextInfo TextInfo = CultureInfo.InvariantCulture.TextInfo;

    private static bool IsQuote(char c) => c is '"' or '\u201C' or '\u201D' or '\u00AB' or '\u00BB';

    /// <summary>
    /// The same n-grams as <see cref="Generate{TSink}"/>, as rolling hashes: every n-gram that starts
    /// at a position extends the previous one by a character (or a space and a token), so no key is
    /// ever copied or hashed from scratch.
    /// </summary>
    public void GenerateHashes<TSink>(ref TSink sink) where TSink : INgramHashSink
    {
        int maxWords = _options.MaxWordNgram;
        for (int first = 0; first < _count; first++)
        {
            ulong hash = NgramHash.WordSeed;
            for (int n = 1; n <= maxWords && first + n <= _count; n++)
            {
                if (n > 1) hash = NgramHash.Step(hash, ' ');
                foreach (var c in TokenSpan(first + n - 1)) hash = NgramHash.Step(hash, c);
                sink.Accept(hash);
            }
        }
        if (!_options.UsesCharNgrams) return;

        int minN = _options.MinCharNgram, maxN = _options.MaxCharNgram;
        if (_options.CharNgramsAcrossWords)
        {
            int length = PadSentence();
            for (int start = 0; start + minN <= length; start++)
            {
                ulong hash = NgramHash.CharSeed;
                for (int n = 1; n <= maxN && start + n <= length; n++)
                {
                    hash = NgramHash.Step(hash, _word[start + n - 1]);
                    if (n >= minN) sink.Accept(hash);
                }
            }
            return;
        }
        for (int t = 0; t < _count; t++)
        {
            if (!IsWord(t)) continue;
            int padded = PadWord(t);
            for (int start = 0; start + minN <= padded; start++)
            {
                ulong hash = NgramHash.CharSeed;
                for (int n = 1; n <= maxN && start + n <= padded; n++)
                {
                    hash = NgramHash.Step(hash, _word[start + n - 1]);
                    if (n >= minN) sink.Accept(hash);
                }
            }
        }
    }

    public void Generate<TSink>(ref TSink sink) where TSink : INgramSink
    {
        for (int n = 1; n <= _options.MaxWordNgram; n++)
        {
            for (int first = 0; first + n <= _count; first++)
            {
                int last = first + n - 1;
                int start = _starts[first];
                sink.Accept(_text.AsSpan(start, _starts[last] + _lengths[last] - start), false, first, last);
            }
        }
        if (!_options.UsesCharNgrams) return;

        if (_options.CharNgramsAcrossWords)
        {
            int length = PadSentence();
            for (int n = _options.MinCharNgram; n <= _options.MaxCharNgram && n <= length; n++)
                for (int start = 0; start + n <= length; start++)
                    sink.Accept(_word.AsSpan(start, n), true, _tokenAt[start], _tokenAt[start + n - 1]);
            return;
        }
        for (int t = 0; t < _count; t++)
        {
            if (!IsWord(t)) continue;
            int padded = PadWord(t);
            for (int n = _options.MinCharNgram; n <= _options.MaxCharNgram && n <= padded; n++)
                for (int start = 0; start + n <= padded; start++)
                    sink.Accept(_word.AsSpan(start, n), true, t, t);
        }
    }
}
