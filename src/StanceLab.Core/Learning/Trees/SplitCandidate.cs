namespace StanceLab.Learning.Trees;

/// <summary>The best split found for a leaf: after global bin <see cref="Bin"/> of slot <see cref="Slot"/>; Slot −1 when no split is allowed.</summary>
internal readonly record struct SplitCandidate(int Slot, int Bin, double Gain)
{
    public static SplitCandidate None { get; } = new(-1, -1, double.NegativeInfinity);

    public bool IsValid => Slot >= 0;

    /// <summary>Higher gain wins; equal gains go to the lower slot, then the lower bin, so the choice never depends on search order.</summary>
    public bool IsBetterThan(SplitCandidate other) =>
        Gain > other.Gain || (Gain == other.Gain && IsValid && (!other.IsValid || Slot < other.Slot || (Slot == other.Slot && Bin < other.Bin)));
}
