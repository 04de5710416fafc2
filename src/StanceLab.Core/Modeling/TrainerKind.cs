namespace StanceLab.Modeling;

/// <summary>Which learner a head uses.</summary>
public enum TrainerKind
{
    /// <summary>Multinomial logistic regression (optionally NB-weighted): the default.</summary>
    Linear,

    /// <summary>ML.NET FastTree boosted trees, one binary ensemble per class against the rest.</summary>
    Trees,

    /// <summary>
    /// FastTree boosted trees over every head's linear probabilities (out-of-fold at training time) and
    /// sentence meta-features: position in the article, length, quotation marks, modal verbs,
    /// digits, attribution verbs.
    /// </summary>
    Stacked,
}
