using StanceLab.Features;

namespace StanceLab.Learning;

/// <summary>
/// A classifier whose probabilities are temperature-scaled (<see cref="TemperatureScaling"/>):
/// the labels it predicts and its explanations (of the unscaled logit) are the inner classifier's;
/// only how sure it says it is changes. The model file stores the inner classifier and the
/// temperature.
/// </summary>
public sealed class TemperatureScaledClassifier : IClassifier
{
    public TemperatureScaledClassifier(IClassifier inner, double temperature)
    {
        ArgumentNullException.ThrowIfNull(inner);
        if (inner is TemperatureScaledClassifier) throw new ArgumentException("The classifier is already temperature-scaled.", nameof(inner));
        if (!(temperature > 0) || !double.IsFinite(temperature)) throw new ArgumentOutOfRangeException(nameof(temperature), temperature, "A temperature must be a positive number.");
        Inner = inner;
        Temperature = temperature;
    }

    public IClassifier Inner { get; }

    public double Temperature { get; }

    public string Kind => Inner.Kind;

    public IReadOnlyList<string> Classes => Inner.Classes;

    public int FeatureCount => Inner.FeatureCount;

    public void PredictProbabilities(SparseVector features, Span<double> probabilities)
    {
        Inner.PredictProbabilities(features, probabilities);
        TemperatureScaling.Apply(probabilities, Temperature, probabilities);
    }

    public Explanation Explain(SparseVector features, int classIndex) => Inner.Explain(features, classIndex);
}
