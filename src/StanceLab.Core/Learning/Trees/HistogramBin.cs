namespace StanceLab.Learning.Trees;

/// <summary>Gradient and hessian sums and the row count of one histogram bin (or of a node).</summary>
internal struct HistogramBin
{
    public double Gradient;
    public double Hessian;
    public int Count;

    public HistogramBin(double gradient, double hessian, int count)
    {
        Gradient = gradient;
        Hessian = hessian;
        Count = count;
    }

    public static HistogramBin operator -(HistogramBin a, HistogramBin b) =>
        new(a.Gradient - b.Gradient, a.Hessian - b.Hessian, a.Count - b.Count);

    public static HistogramBin operator +(HistogramBin a, HistogramBin b) =>
        new(a.Gradient + b.Gradient, a.Hessian + b.Hessian, a.Count + b.Count);
}
