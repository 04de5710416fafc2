namespace StanceLab.Modeling;

/// <summary>Which learner a head uses.</summary>
public enum TrainerKind
{
    /// <summary>Multinomial logistic regression (optionally NB-weighted): the default.</summary>
    Linear,

    /// <summary>Gradient-boosted regression trees with the softmax loss.</summary>
    Trees,

    /// <summary>
    /// Boosted trees over every head's linear probabilities (out-of-fold at training time) and
    /// sentence meta-features: position in the article, length, quotation marks, modal verbs,
    /// digits, attribution verbs.
    /// </summary>
    Stacked,
}
