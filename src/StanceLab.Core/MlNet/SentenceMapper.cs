using Microsoft.ML;
using Microsoft.ML.Data;
using StanceLab.Modeling;
using StanceLab.Scoring;

namespace StanceLab.MlNet;

/// <summary>
/// Maps an input schema with a text column to the transformer's output schema: every input column
/// passes through, then per head the predicted label, its probability and the class scores, then
/// the coverage. Scores one row at a time, keeping the last row's result for its other columns.
/// </summary>
internal sealed class SentenceMapper : IRowToRowMapper
{
    private readonly StanceModel _model;
    private readonly int _textIndex;

    public SentenceMapper(StanceModel model, string inputColumn, DataViewSchema inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        _model = model;
        var text = inputSchema.GetColumnOrNull(inputColumn)
            ?? throw new ArgumentException($"The input has no column '{inputColumn}' to read sentences from (it has: {string.Join(", ", inputSchema.Where(c => !c.IsHidden).Select(c => c.Name))}).", nameof(inputSchema));
        if (text.Type is not TextDataViewType)
            throw new ArgumentException($"The input column '{inputColumn}' holds {text.Type}; StanceLab reads text (a string per row).", nameof(inputSchema));
        _textIndex = text.Index;
        InputSchema = inputSchema;

        var builder = new DataViewSchema.Builder();
        builder.AddColumns(inputSchema);
        foreach (var head in model.Heads)
        {
            var classes = head.Classifier.Classes;
            builder.AddColumn(StanceLabTransformer.PredictedLabelColumn(head.Column), TextDataViewType.Instance);
            builder.AddColumn(StanceLabTransformer.ProbabilityColumn(head.Column), NumberDataViewType.Double);
            var slotNames = new DataViewSchema.Annotations.Builder();
            // "SlotNames" is ML.NET's annotation kind for the names of a vector's slots (GetSlotNames reads it).
            slotNames.Add<VBuffer<ReadOnlyMemory<char>>>("SlotNames", new VectorDataViewType(TextDataViewType.Instance, classes.Count), (ref VBuffer<ReadOnlyMemory<char>> names) =>
                names = new VBuffer<ReadOnlyMemory<char>>(classes.Count, classes.Select(c => c.AsMemory()).ToArray()));
            builder.AddColumn(StanceLabTransformer.ScoresColumn(head.Column), new VectorDataViewType(NumberDataViewType.Double, classes.Count), slotNames.ToAnnotations());
        }
        builder.AddColumn(StanceLabTransformer.CoverageColumn, NumberDataViewType.Double);
        OutputSchema = builder.ToSchema();
    }

    public DataViewSchema InputSchema { get; }

    public DataViewSchema OutputSchema { get; }

    /// <summary>Output columns below this index are the input's own, passed through.</summary>
    public int PassThroughCount => InputSchema.Count;

    public IEnumerable<DataViewSchema.Column> GetDependencies(IEnumerable<DataViewSchema.Column> dependingColumns)
    {
        ArgumentNullException.ThrowIfNull(dependingColumns);
        var needed = new SortedSet<int>();
        foreach (var column in dependingColumns)
            needed.Add(column.Index < PassThroughCount ? column.Index : _textIndex);
        return needed.Select(i => InputSchema[i]).ToArray();
    }

    public DataViewRow GetRow(DataViewRow input, IEnumerable<DataViewSchema.Column> activeColumns)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(activeColumns);
        return new SentenceRow(this, input, activeColumns.Select(c => c.Index));
    }

    /// <summary>The row's text column getter.</summary>
    public ValueGetter<ReadOnlyMemory<char>> TextGetter(DataViewRow input) => input.GetGetter<ReadOnlyMemory<char>>(input.Schema[_textIndex]);

    /// <summary>Every head's probabilities and the coverage of one sentence, as <c>stancelab score</c> computes them for an article of one sentence.</summary>
    public ScoredSentence Score(string text)
    {
        var featurized = _model.Featurizer.Featurize(text);
        var heads = new HeadScores[_model.Heads.Count];
        for (int h = 0; h < heads.Length; h++)
        {
            var head = _model.Heads[h];
            var probabilities = new double[head.Classifier.Classes.Count];
            head.Classifier.PredictProbabilities(head.Input(featurized.Vector, text, SentenceContext.Alone), probabilities);
            int best = 0;
            for (int c = 1; c < probabilities.Length; c++) if (probabilities[c] > probabilities[best]) best = c;
            heads[h] = new HeadScores(head.Classifier.Classes[best], probabilities);
        }
        return new ScoredSentence(heads, SentenceCoverage.Of(_model.Featurizer, featurized));
    }

    /// <summary>Which head and which of its three columns an output column index is; coverage is head −1.</summary>
    public (int Head, int Part) Locate(int outputIndex)
    {
        int offset = outputIndex - PassThroughCount;
        if (offset < 0) throw new ArgumentOutOfRangeException(nameof(outputIndex), "a passed-through input column");
        return offset == 3 * _model.Heads.Count ? (-1, 0) : (offset / 3, offset % 3);
    }

    internal readonly record struct HeadScores(string Label, double[] Probabilities);

    internal sealed record ScoredSentence(HeadScores[] Heads, double Coverage);
}
