using StanceLab.Learning;
using StanceLab.Modeling;

namespace StanceLab.Evaluation;

/// <summary>Fits each head's temperature on grouped cross-validation's out-of-fold probabilities and puts it into a model.</summary>
public static class ModelCalibration
{
    public static IReadOnlyList<HeadCalibration> Fit(CrossValidationResult cv)
    {
        ArgumentNullException.ThrowIfNull(cv);
        if (cv.OutOfFold.Count != cv.Reports.Count) throw new ArgumentException("The cross-validation result carries no out-of-fold probabilities.", nameof(cv));
        var result = new List<HeadCalibration>();
        for (int h = 0; h < cv.Reports.Count; h++)
        {
            var truth = cv.Truth[h];
            var raw = cv.OutOfFold[h];
            double temperature = TemperatureScaling.Fit(truth, raw);

            var crossFitted = new double[raw.Count][];
            for (int f = 0; f < cv.Folds; f++)
            {
                var inside = Enumerable.Range(0, raw.Count).Where(i => cv.FoldOfRow[i] != f).ToArray();
                var outside = Enumerable.Range(0, raw.Count).Where(i => cv.FoldOfRow[i] == f).ToArray();
                if (outside.Length == 0) continue;
                double t = inside.Length == 0 ? 1 : TemperatureScaling.Fit(inside.Select(i => truth[i]).ToArray(), inside.Select(i => raw[i]).ToArray());
                foreach (int i in outside)
                {
                    crossFitted[i] = new double[raw[i].Length];
                    TemperatureScaling.Apply(raw[i], t, crossFitted[i]);
                }
            }
            result.Add(new HeadCalibration(
                cv.Reports[h].Label,
                temperature,
                CalibrationSummary.Compute(truth, raw).ExpectedCalibrationError,
                CalibrationSummary.Compute(truth, crossFitted).ExpectedCalibrationError,
                TemperatureScaling.LogLoss(truth, raw, 1),
                TemperatureScaling.LogLoss(truth, crossFitted, 1)));
        }
        return result;
    }

    /// <summary>The model with each named head's classifier temperature-scaled (heads not named keep their probabilities).</summary>
    public static StanceModel WithTemperatures(StanceModel model, IEnumerable<HeadCalibration> calibration)
    {
        ArgumentNullException.ThrowIfNull(model);
        var temperatures = calibration.ToDictionary(c => c.Column, c => c.Temperature, StringComparer.Ordinal);
        var heads = model.Heads.Select(h => temperatures.TryGetValue(h.Column, out double t)
            ? h with { Classifier = new TemperatureScaledClassifier(h.Classifier is TemperatureScaledClassifier scaled ? scaled.Inner : h.Classifier, t) }
            : h).ToArray();
        return new StanceModel(model.Featurizer, heads, model.Metadata) { TrainingTexts = model.TrainingTexts };
    }
}
