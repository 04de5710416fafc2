using Microsoft.ML;
using Microsoft.ML.Data;
using StanceLab.Features;

namespace StanceLab.Learning.MlNet;

/// <summary>
/// StanceLab's sparse rows as an ML.NET <see cref="IDataView"/>: a known-size <c>Features</c>
/// vector (so trainers accept it), a key-typed <c>Label</c> over the compact classes and a
/// <c>Weight</c> per row. The rows are streamed from the caller's vectors, never copied into text.
/// </summary>
internal static class MlNetRows
{
    public const string Features = nameof(Row.Features);
    public const string Label = nameof(Row.Label);
    public const string Weight = nameof(Row.Weight);

    public static IDataView Load(MLContext ml, IReadOnlyList<SparseVector> rows, IReadOnlyList<int> labels, IReadOnlyList<double> weights, int featureCount, int classCount)
    {
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[Features].ColumnType = new VectorDataViewType(NumberDataViewType.Single, featureCount);
        schema[Label].ColumnType = new KeyDataViewType(typeof(uint), classCount);
        var data = Enumerable.Range(0, rows.Count).Select(i => new Row
        {
            // LoadFromEnumerable takes a key field as the 0-based class index (it adds ML.NET's
            // "0 is missing" offset itself); a test pins this, as a shift would silently mislabel.
            Label = (uint)labels[i],
            Features = ToVBuffer(rows[i], featureCount),
            Weight = (float)weights[i],
        });
        return ml.Data.LoadFromEnumerable(data, schema);
    }

    /// <summary>One class against the rest: a boolean <c>Label</c>, as ML.NET's binary trainers want it.</summary>
    public static IDataView LoadOneVersusRest(MLContext ml, IReadOnlyList<VBuffer<float>> rows, IReadOnlyList<int> labels, int positiveClass, IReadOnlyList<double> weights, int featureCount)
    {
        var schema = SchemaDefinition.Create(typeof(BinaryRow));
        schema[Features].ColumnType = new VectorDataViewType(NumberDataViewType.Single, featureCount);
        var data = Enumerable.Range(0, rows.Count).Select(i => new BinaryRow
        {
            Label = labels[i] == positiveClass,
            Features = rows[i],
            Weight = (float)weights[i],
        });
        return ml.Data.LoadFromEnumerable(data, schema);
    }

    public static VBuffer<float> ToVBuffer(SparseVector row, int featureCount)
    {
        var indices = row.Indices;
        int count = 0;
        // Features beyond the model's vocabulary (never the case for training rows) carry no weight.
        while (count < indices.Length && indices[count] < featureCount) count++;
        return new VBuffer<float>(featureCount, count, row.Values[..count].ToArray(), indices[..count].ToArray());
    }

    private sealed class BinaryRow
    {
        public bool Label { get; set; }
        public VBuffer<float> Features { get; set; }
        public float Weight { get; set; }
    }

    private sealed class Row
    {
        public uint Label { get; set; }
        public VBuffer<float> Features { get; set; }
        public float Weight { get; set; }
    }
}
