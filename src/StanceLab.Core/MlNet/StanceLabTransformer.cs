using Microsoft.ML;
using Microsoft.ML.Data;
using StanceLab.Modeling;

namespace StanceLab.MlNet;

/// <summary>
/// A StanceLab model as an ML.NET transformer: it reads one sentence per row from a text column
/// and adds, for every head, the predicted label, its probability and the probability of every
/// class, plus the sentence's vocabulary coverage. The numbers are those <c>stancelab score</c>
/// gives the same sentence as an article of one. It works with <c>Transform</c>, with a
/// <c>PredictionEngine</c> and inside a <c>TransformerChain</c>; it is thread-safe like the model
/// it wraps (a PredictionEngine itself is not). Create it with
/// <see cref="StanceLabModelOperations.LoadStanceLab(ModelOperationsCatalog, string, string)"/>.
/// </summary>
/// <remarks>
/// <c>MLContext.Model.Save</c> cannot store it: ML.NET 6.0 keeps the means for a component to
/// save its own state (<c>ModelSaveContext</c>'s writer, <c>LoadableClassAttribute</c>) internal,
/// and its one public extension point, a custom mapping, can hold no state. The StanceLab model
/// file is the saved form: smaller, checksummed, versioned, and loaded in one call.
/// </remarks>
public sealed class StanceLabTransformer : ITransformer
{
    /// <summary>The input column read when none is named: one sentence per row.</summary>
    public const string DefaultInputColumn = "Text";

    /// <summary>Output column holding a sentence's coverage (the share of its words the model knows).</summary>
    public const string CoverageColumn = "Coverage";

    internal StanceLabTransformer(StanceModel model, string inputColumn)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrWhiteSpace(inputColumn);
        Model = model;
        InputColumn = inputColumn;
    }

    public StanceModel Model { get; }

    public string InputColumn { get; }

    /// <summary>Output column holding <paramref name="head"/>'s predicted label (text).</summary>
    public static string PredictedLabelColumn(string head) => $"{head}.PredictedLabel";

    /// <summary>Output column holding the predicted label's probability (double).</summary>
    public static string ProbabilityColumn(string head) => $"{head}.Probability";

    /// <summary>Output column holding every class's probability (vector of double, slot names = classes, in the model's class order).</summary>
    public static string ScoresColumn(string head) => $"{head}.Scores";

    public bool IsRowToRowMapper => true;

    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema) => new SentenceMapper(Model, InputColumn, inputSchema).OutputSchema;

    public IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema) => new SentenceMapper(Model, InputColumn, inputSchema);

    public IDataView Transform(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new MappedDataView(input, new SentenceMapper(Model, InputColumn, input.Schema));
    }

    void ICanSaveModel.Save(ModelSaveContext ctx) =>
        throw new NotSupportedException("A StanceLab transformer is saved as its StanceLab model file (ModelFile.Write) and loaded with MLContext.Model.LoadStanceLab; ML.NET 6.0 gives an outside component no public way to save state into an ML.NET zip.");
}
