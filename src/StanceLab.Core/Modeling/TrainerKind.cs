namespace StanceLab.Modeling;

/// <summary>Which learner a head uses.</summary>
public enum TrainerKind
{
    /// <summary>Multinomial logistic regression (optionally NB-weighted): the default.</summary>
    Linear,

    /// <summary>Gradient-boosted regression trees with the softmax loss.</summary>
    Trees,
}
