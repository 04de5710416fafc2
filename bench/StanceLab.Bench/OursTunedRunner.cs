using System.Diagnostics;
using StanceLab.Evaluation;
using StanceLab.Modeling;

namespace StanceLab.Bench;

/// <summary>
/// StanceLab with its options chosen by nested cross-validation, never by the test part: on each
/// split a 3-fold cross-validation inside the training part ranks a grid (C ∈ {3, 10, 30}; NB
/// weighting off and on where the data has two classes; character n-grams within words or across
/// word boundaries) by macro-F1, the best is trained on the
/// whole training part and scored once on the test part. In-process only; its training time
/// includes the tuning.
/// </summary>
public static class OursTunedRunner
{
    public const string Name = "StanceLab tuned (nested CV)";
    public const int InnerFolds = 3;
    private static readonly double[] Cs = [3, 10, 30];

    public static (FoldResult Result, string Choice) Run(BenchDataset data, BenchSplit split)
    {
        var train = split.Train.Select(i => OursRunner.ToSentence(data.Rows[i])).ToArray();
        var test = split.Test.Select(i => data.Rows[i]).ToArray();
        bool twoClasses = train.Select(r => r.Label("label")).Distinct(StringComparer.Ordinal).Count() == 2;
        var baseOptions = new TrainingOptions { LabelColumns = ["label"] };
        var featurizer = baseOptions.Featurizer;

        var clock = Stopwatch.StartNew();
        var withinWords = OptionsTuner.Grid(baseOptions, Cs, [featurizer.MaxWordNgram], [(featurizer.MinCharNgram, featurizer.MaxCharNgram)], twoClasses ? [false, true] : [false]);
        var grid = withinWords.Concat(withinWords.Select(c => new TuningCandidate(
            c.Options with { Featurizer = c.Options.Featurizer with { CharNgramsAcrossWords = true } },
            c.Description + ", chars across words"))).ToArray();
        var best = OptionsTuner.Best(OptionsTuner.Run(train, grid, InnerFolds));
        var model = ModelTrainer.Train(train, best.Candidate.Options);
        return (OursRunner.Scored(Name, model, clock.Elapsed.TotalSeconds, test), best.Candidate.Description);
    }
}
