namespace StanceLab.Modeling;

/// <summary>How <c>train</c> calibrates each head's probabilities.</summary>
public enum CalibrationKind
{
    /// <summary>Probabilities as the classifier gives them.</summary>
    None,

    /// <summary>A temperature per head, fitted on grouped cross-validation's out-of-fold probabilities.</summary>
    Temperature,
}
