using Microsoft.ML;
using Microsoft.ML.Data;

namespace StanceLab.MlNet;

/// <summary>One output row over one input row: input columns are read through, StanceLab's columns are scored once per input position.</summary>
internal sealed class SentenceRow : DataViewRow
{
    private readonly SentenceMapper _mapper;
    private readonly DataViewRow _input;
    private readonly HashSet<int> _active;
    private readonly ValueGetter<ReadOnlyMemory<char>>? _text;
    private long _scoredPosition = -1;
    private SentenceMapper.ScoredSentence? _scored;

    public SentenceRow(SentenceMapper mapper, DataViewRow input, IEnumerable<int> activeColumns)
    {
        _mapper = mapper;
        _input = input;
        _active = activeColumns.ToHashSet();
        if (_active.Any(i => i >= mapper.PassThroughCount)) _text = mapper.TextGetter(input);
    }

    public override DataViewSchema Schema => _mapper.OutputSchema;

    public override long Position => _input.Position;

    public override long Batch => _input.Batch;

    public override ValueGetter<DataViewRowId> GetIdGetter() => _input.GetIdGetter();

    public override bool IsColumnActive(DataViewSchema.Column column) =>
        column.Index < _mapper.PassThroughCount ? _input.IsColumnActive(_input.Schema[column.Index]) : _active.Contains(column.Index);

    public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
    {
        if (column.Index < _mapper.PassThroughCount) return _input.GetGetter<TValue>(_input.Schema[column.Index]);
        if (!_active.Contains(column.Index)) throw new InvalidOperationException($"Column '{column.Name}' was not requested as active.");
        var (head, part) = _mapper.Locate(column.Index);
        Delegate getter = (head, part) switch
        {
            (-1, _) => (ValueGetter<double>)((ref double value) => value = Scored().Coverage),
            (_, 0) => (ValueGetter<ReadOnlyMemory<char>>)((ref ReadOnlyMemory<char> value) => value = Scored().Heads[head].Label.AsMemory()),
            (_, 1) => (ValueGetter<double>)((ref double value) =>
            {
                var scores = Scored().Heads[head];
                value = scores.Probabilities.Max();
            }),
            _ => (ValueGetter<VBuffer<double>>)((ref VBuffer<double> value) =>
            {
                var probabilities = Scored().Heads[head].Probabilities;
                var editor = VBufferEditor.Create(ref value, probabilities.Length);
                probabilities.CopyTo(editor.Values);
                value = editor.Commit();
            }),
        };
        return getter as ValueGetter<TValue>
            ?? throw new InvalidOperationException($"Column '{column.Name}' holds {column.Type}, not {typeof(TValue).Name}.");
    }

    private SentenceMapper.ScoredSentence Scored()
    {
        if (_scored is null || _scoredPosition != _input.Position)
        {
            ReadOnlyMemory<char> text = default;
            _text!(ref text);
            _scored = _mapper.Score(text.ToString());
            _scoredPosition = _input.Position;
        }
        return _scored;
    }
}
