using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StanceLab.Text;

namespace StanceLab.Tests.Fuzz;

/// <summary>On any text, the splitter's sentences are the text's own characters, in order, never overlapping.</summary>
public sealed class SentenceSplitterFuzzTests
{
    /// <summary>Pieces that exercise the splitter's rules: abbreviations, initials, decimals, quotes, line breaks.</summary>
    private static readonly string[] Pieces =
    [
        "The", "talks", "Mr.", "U.S.", "J.", "3.5", "1,000", "Dr", "Inc.", "e.g.", " ", " ", "  ", ".", ". ", "!", "?", "...", "…",
        "\"", "“", "”", "'", "’", "(", ")", "\n", "\n\n", "\r\n", "\t", "WASHINGTON (Reuters) -", "—", "-", ":", ";", "a", "Z", "é", "日本", "🙂",
    ];

    public static Arbitrary<string> NewsLikeText() =>
        Gen.Elements(Pieces).ListOf().Select(parts => string.Concat(parts)).ToArbitrary();

    [Property(MaxTest = 500, Arbitrary = [typeof(SentenceSplitterFuzzTests)])]
    public void Sentences_lie_inside_the_text_in_order_without_overlap(string text)
    {
        var sentences = SentenceSplitter.Default.Split(text);

        int previousEnd = 0;
        foreach (var s in sentences)
        {
            Assert.InRange(s.Start, previousEnd, text.Length);
            Assert.InRange(s.End, s.Start + 1, text.Length);
            Assert.Equal(text[s.Start..s.End], s.Text);
            Assert.False(string.IsNullOrWhiteSpace(s.Text));
            previousEnd = s.End;
        }
    }

    [Property(MaxTest = 300)]
    public void Any_string_splits_without_an_exception_into_its_own_characters(string? text)
    {
        var input = text ?? "";
        foreach (var s in SentenceSplitter.Default.Split(input)) Assert.Equal(input[s.Start..s.End], s.Text);
    }
}
