using StanceLab.Features;
using StanceLab.Learning;
using StanceLab.Learning.Linear;
using StanceLab.Modeling;
using StanceLab.Numerics;
using StanceLab.Persistence;

namespace StanceLab.Tests.Conformance;

/// <summary>
/// What every <see cref="ITrainer"/> promises (DESIGN.md, habit 8; after scikit-learn's estimator
/// checks and ML.NET's TestEstimatorCore). A trainer joins the battery with a subclass that
/// implements <see cref="CreateTrainer"/>; the data is small, synthetic and seeded
/// (<see cref="ConformanceData"/>).
/// </summary>
public abstract class TrainerConformanceTests
{
    /// <summary>A fresh trainer with the options under test.</summary>
    protected abstract ITrainer CreateTrainer();

    /// <summary>
    /// Whether <see cref="ModelFile"/> can store this trainer's classifiers. When it cannot, the
    /// battery checks that saving is refused clearly instead of checking the round trip.
    /// </summary>
    protected virtual bool ModelFileStoresClassifier => true;

    /// <summary>
    /// Asserts that two classifiers hold the same parameters bit for bit. The default compares what
    /// any classifier exposes, every explanation of every class on a fixed set of rows; a subclass
    /// that knows the parameters (weights, trees) should compare them directly as well.
    /// </summary>
    protected virtual void AssertIdenticalParameters(IClassifier expected, IClassifier actual)
    {
        Assert.Equal(expected.Kind, actual.Kind);
        Assert.Equal(expected.Classes, actual.Classes);
        Assert.Equal(expected.FeatureCount, actual.FeatureCount);
        foreach (var row in ProbeRows(expected.FeatureCount))
        {
            for (int c = 0; c < expected.Classes.Count; c++)
            {
                var a = expected.Explain(row, c);
                var b = actual.Explain(row, c);
                Assert.Equal(a.BaseValue, b.BaseValue);
                Assert.Equal(a.Score, b.Score);
                Assert.Equal(a.Contributions, b.Contributions);
                Assert.Equal(a.AbsentContributions, b.AbsentContributions);
            }
        }
    }

    [Fact]
    public void Two_fits_of_the_same_data_are_identical_bit_for_bit()
    {
        var data = ConformanceData.Separable();

        var first = CreateTrainer().Fit(data);
        var second = CreateTrainer().Fit(ConformanceData.DeepCopy(data));

        AssertIdenticalParameters(first, second);
        foreach (var row in ProbeRows(data.FeatureCount).Concat(data.Features))
            Assert.Equal(Probabilities(first, row), Probabilities(second, row));
    }

    [Fact]
    public void One_trainer_fitted_twice_gives_identical_models()
    {
        var trainer = CreateTrainer();
        var data = ConformanceData.Separable(withRowWeights: true);

        var first = trainer.Fit(data);
        var second = trainer.Fit(data);

        AssertIdenticalParameters(first, second);
    }

    [Fact]
    public void Probabilities_are_finite_non_negative_and_sum_to_one()
    {
        var data = ConformanceData.Separable();
        var classifier = CreateTrainer().Fit(data);

        foreach (var row in data.Features.Concat(ProbeRows(data.FeatureCount)))
            AssertValidProbabilities(classifier, row);
    }

    [Fact]
    public void A_row_without_features_gets_valid_probabilities()
    {
        var classifier = CreateTrainer().Fit(ConformanceData.Separable());

        AssertValidProbabilities(classifier, SparseVector.Empty);
    }

    [Fact]
    public void A_row_of_only_unknown_features_predicts_like_a_row_without_features()
    {
        var data = ConformanceData.Separable();
        var classifier = CreateTrainer().Fit(data);

        var unknown = Probabilities(classifier, ConformanceData.UnknownFeaturesOnly(data.FeatureCount));

        AssertValidProbabilities(classifier, ConformanceData.UnknownFeaturesOnly(data.FeatureCount));
        Assert.Equal(Probabilities(classifier, SparseVector.Empty), unknown);
    }

    [Fact]
    public void Unknown_features_do_not_change_a_prediction()
    {
        var data = ConformanceData.Separable();
        var classifier = CreateTrainer().Fit(data);

        foreach (var row in data.Features.Take(10))
        {
            var withUnknown = ConformanceData.WithUnknownFeatures(row, data.FeatureCount);
            AssertClose(Probabilities(classifier, row), Probabilities(classifier, withUnknown), 1e-12);
        }
    }

    [Fact]
    public void Empty_data_fails_with_a_training_exception_that_says_there_are_no_rows()
    {
        var empty = new TrainingSet([], [], ConformanceData.Classes, ConformanceData.FeatureCount(3));

        var error = Assert.Throws<TrainingException>(() => CreateTrainer().Fit(empty));

        Assert.Contains("row", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void One_class_data_fails_with_a_training_exception_that_names_the_class(int listedClasses)
    {
        string[] classes = ["only-class", .. ConformanceData.Classes.Take(listedClasses - 1)];
        var data = ConformanceData.Separable(classes, used: [0]);

        var error = Assert.Throws<TrainingException>(() => CreateTrainer().Fit(data));

        Assert.Contains("only-class", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rows_that_all_weigh_zero_fail_with_a_training_exception()
    {
        var data = ConformanceData.Separable();
        var weightless = new TrainingSet(data.Features, data.Labels, data.Classes, data.FeatureCount, new double[data.Count]);

        var error = Assert.Throws<TrainingException>(() => CreateTrainer().Fit(weightless));

        Assert.Contains("weight", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_negative_row_weight_fails_with_a_training_exception_that_names_the_row()
    {
        var data = ConformanceData.Separable();
        var weights = Enumerable.Repeat(1.0, data.Count).ToArray();
        weights[7] = -1;
        var negative = new TrainingSet(data.Features, data.Labels, data.Classes, data.FeatureCount, weights);

        var error = Assert.Throws<TrainingException>(() => CreateTrainer().Fit(negative));

        Assert.Contains("7", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_data_is_an_argument_error()
    {
        Assert.Throws<ArgumentNullException>(() => CreateTrainer().Fit(null!));
    }

    [Fact]
    public void A_cancelled_fit_throws_instead_of_returning_a_half_trained_model()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => CreateTrainer().Fit(ConformanceData.Separable(), null, cancellation.Token));
    }

    [Fact]
    public void The_training_set_is_not_modified()
    {
        var data = ConformanceData.Separable(withRowWeights: true);
        var vectors = data.Features.ToArray();
        var snapshot = ConformanceData.DeepCopy(data);

        CreateTrainer().Fit(data);

        Assert.Equal(vectors, data.Features); // the same vector objects, in the same order
        for (int i = 0; i < data.Count; i++)
        {
            Assert.Equal(snapshot.Features[i].Indices.ToArray(), data.Features[i].Indices.ToArray());
            Assert.Equal(snapshot.Features[i].Values.ToArray(), data.Features[i].Values.ToArray());
        }
        Assert.Equal(snapshot.Labels, data.Labels);
        Assert.Equal(snapshot.Classes, data.Classes);
        Assert.Equal(snapshot.RowWeights, data.RowWeights);
        Assert.Equal(snapshot.FeatureCount, data.FeatureCount);
    }

    [Fact]
    public void Explanations_add_up_to_the_score_and_their_softmax_is_the_prediction()
    {
        var data = ConformanceData.Separable();
        var classifier = CreateTrainer().Fit(data);
        int k = classifier.Classes.Count;

        foreach (var row in data.Features.Concat(ProbeRows(data.FeatureCount)))
        {
            var scores = new double[k];
            for (int c = 0; c < k; c++)
            {
                var explanation = classifier.Explain(row, c);
                Assert.Equal(c, explanation.ClassIndex);
                Assert.Equal(explanation.Score,
                    explanation.BaseValue + explanation.Contributions.Sum(f => f.Contribution) + explanation.AbsentContributions.Sum(f => f.Contribution), 1e-10);
                var rowFeatures = row.Indices.ToArray();
                Assert.Equal(rowFeatures, explanation.Contributions.Select(f => f.Feature));
                Assert.All(explanation.AbsentContributions, f => Assert.DoesNotContain(f.Feature, rowFeatures));
                Assert.All(explanation.AbsentContributions, f => Assert.InRange(f.Feature, 0, classifier.FeatureCount - 1));
                Assert.All(explanation.Contributions.Where(f => f.Feature >= classifier.FeatureCount), f => Assert.Equal(0.0, f.Contribution));
                scores[c] = explanation.Score;
            }
            var fromScores = new double[k];
            SoftmaxMath.Softmax(scores, fromScores);
            AssertClose(Probabilities(classifier, row), fromScores, 1e-9);
        }
    }

    [Fact]
    public void A_listed_class_that_no_row_has_does_not_stop_training_or_shift_the_others()
    {
        string[] classes = ["alpha", "beta", "gamma", "delta"];
        var data = ConformanceData.Separable(classes, used: [0, 1, 3]);

        var classifier = CreateTrainer().Fit(data);

        Assert.Subset(classes.ToHashSet(), classifier.Classes.ToHashSet());
        Assert.Superset(new HashSet<string> { "alpha", "beta", "delta" }, classifier.Classes.ToHashSet());
        foreach (var row in data.Features.Concat(ProbeRows(data.FeatureCount)))
            AssertValidProbabilities(classifier, row);
        for (int i = 0; i < data.Count; i++)
            Assert.Equal(data.Classes[data.Labels[i]], Predicted(classifier, data.Features[i]));
    }

    [Fact]
    public void Separable_data_is_learned_with_full_training_accuracy()
    {
        var data = ConformanceData.Separable(rowsPerClass: 15);

        var classifier = CreateTrainer().Fit(data);

        Assert.Equal(data.Classes, classifier.Classes);
        Assert.Equal(data.FeatureCount, classifier.FeatureCount);
        for (int i = 0; i < data.Count; i++)
            Assert.Equal(data.Classes[data.Labels[i]], Predicted(classifier, data.Features[i]));
    }

    [Fact]
    public void A_saved_and_loaded_model_predicts_identically()
    {
        var data = ConformanceData.Separable();
        var classifier = CreateTrainer().Fit(data);
        var model = ModelOf(classifier, data);

        if (!ModelFileStoresClassifier)
        {
            var refusal = Assert.Throws<NotSupportedException>(() => ModelFile.ToBytes(model));
            Assert.Contains(classifier.Kind, refusal.Message, StringComparison.Ordinal);
            return;
        }

        var bytes = ModelFile.ToBytes(model);
        var loaded = ModelFile.FromBytes(bytes, "conformance.model").Head("label").Classifier;

        AssertIdenticalParameters(classifier, loaded);
        foreach (var row in data.Features.Concat(ProbeRows(data.FeatureCount)))
            Assert.Equal(Probabilities(classifier, row), Probabilities(loaded, row));
        Assert.Equal(bytes, ModelFile.ToBytes(ModelOf(loaded, data)));
    }

    /// <summary>Rows beyond the training data: unseen combinations, no features, unknown features only.</summary>
    protected static IEnumerable<SparseVector> ProbeRows(int featureCount) =>
        [.. ConformanceData.UnseenRows(featureCount, 20), SparseVector.Empty, ConformanceData.UnknownFeaturesOnly(featureCount)];

    protected static double[] Probabilities(IClassifier classifier, SparseVector row)
    {
        var probabilities = new double[classifier.Classes.Count];
        classifier.PredictProbabilities(row, probabilities);
        return probabilities;
    }

    private static string Predicted(IClassifier classifier, SparseVector row)
    {
        var probabilities = Probabilities(classifier, row);
        return classifier.Classes[Array.IndexOf(probabilities, probabilities.Max())];
    }

    private static void AssertClose(double[] expected, double[] actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], actual[i], tolerance);
    }

    private static void AssertValidProbabilities(IClassifier classifier, SparseVector row)
    {
        var probabilities = Probabilities(classifier, row);
        Assert.All(probabilities, p => Assert.True(double.IsFinite(p) && p >= 0, $"Probability {p} is not a finite non-negative number."));
        Assert.Equal(1.0, probabilities.Sum(), 1e-12);
    }

    /// <summary>A one-head model around <paramref name="classifier"/>, with a featurizer of matching size.</summary>
    private static StanceModel ModelOf(IClassifier classifier, TrainingSet data)
    {
        var names = Enumerable.Range(0, classifier.FeatureCount).Select(j => $"f{j:D5}").ToArray();
        var featurizer = new FittedFeaturizer(new FeaturizerOptions(), names, Enumerable.Repeat(1f, names.Length).ToArray());
        var counts = data.ClassCounts();
        var metadata = new ModelMetadata
        {
            ToolVersion = "conformance",
            LabelColumns = ["label"],
            LabelSets = new Dictionary<string, IReadOnlyList<string>> { ["label"] = data.Classes },
            ClassCounts = new Dictionary<string, IReadOnlyDictionary<string, int>>
            {
                ["label"] = data.Classes.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => counts[p.i]),
            },
            Featurizer = featurizer.Options,
            Linear = new LogisticRegressionOptions(),
            Seed = ConformanceData.Seed,
            TrainingRows = data.Count,
            DataHash = "",
            TrainingFiles = [],
        };
        return new StanceModel(featurizer, [new ModelHead("label", classifier)], metadata);
    }
}
