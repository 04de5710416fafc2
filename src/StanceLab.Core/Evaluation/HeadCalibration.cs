namespace StanceLab.Evaluation;

/// <summary>
/// One head's temperature and what it does to the out-of-fold probabilities of grouped
/// cross-validation. The "after" figures are cross-fitted: each fold's rows are scaled by a
/// temperature fitted on the other folds' rows only, so they do not flatter the calibration.
/// </summary>
/// <param name="Column">The head.</param>
/// <param name="Temperature">Fitted on every out-of-fold row; the model stores it.</param>
/// <param name="EceBefore">Expected calibration error of the raw out-of-fold probabilities.</param>
/// <param name="EceAfter">The same after (cross-fitted) temperature scaling.</param>
/// <param name="LogLossBefore">Log-loss of the raw out-of-fold probabilities.</param>
/// <param name="LogLossAfter">The same after (cross-fitted) temperature scaling.</param>
public sealed record HeadCalibration(string Column, double Temperature, double EceBefore, double EceAfter, double LogLossBefore, double LogLossAfter);
