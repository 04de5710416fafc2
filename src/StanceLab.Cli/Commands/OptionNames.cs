using System.Globalization;

namespace StanceLab.Cli.Commands;

/// <summary>The command-line flag behind each validated option property, so a refusal names what the user typed.</summary>
internal static class OptionNames
{
    private static readonly Dictionary<(string Owner, string Property), string> Flags = new()
    {
        [("LogisticRegressionOptions", "C")] = "--c",
        [("LogisticRegressionOptions", "MaxIterations")] = "--max-iterations",
        [("LogisticRegressionOptions", "Tolerance")] = "--tolerance",
        [("FeaturizerOptions", "MinDocumentFrequency")] = "--min-df",
        [("FeaturizerOptions", "MaxWordNgram")] = "--word-ngrams",
        [("FeaturizerOptions", "MinCharNgram")] = "--char-ngrams",
        [("FeaturizerOptions", "MaxCharNgram")] = "--char-ngrams",
        [("FastTreeOptions", "Trees")] = "--trees-count",
        [("FastTreeOptions", "Leaves")] = "--trees-leaves",
        [("FastTreeOptions", "MinExamplesPerLeaf")] = "--trees-min-leaf",
        [("FastTreeOptions", "LearningRate")] = "--trees-learning-rate",
        [("FastTreeOptions", "FeatureFraction")] = "--trees-feature-fraction",
        [("FastTreeOptions", "MaxBins")] = "--trees-max-bins",
    };

    /// <summary>"--c must be a positive number, got -1" for a property with a flag; the library's own message otherwise.</summary>
    public static UsageException Refusal(ArgumentException e) =>
        e is InvalidOptionException invalid && Flags.TryGetValue((invalid.Owner, invalid.Property), out var flag)
            ? new UsageException(string.Create(CultureInfo.InvariantCulture, $"{flag} {invalid.Rule}, got {invalid.Value}."))
            : new UsageException(e.Message);
}
