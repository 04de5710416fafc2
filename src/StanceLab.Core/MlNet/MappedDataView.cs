using Microsoft.ML;
using Microsoft.ML.Data;

namespace StanceLab.MlNet;

/// <summary>The lazily scored view <see cref="StanceLabTransformer.Transform"/> returns: rows are scored as a cursor reaches them.</summary>
internal sealed class MappedDataView(IDataView input, SentenceMapper mapper) : IDataView
{
    public DataViewSchema Schema => mapper.OutputSchema;

    public bool CanShuffle => input.CanShuffle;

    public long? GetRowCount() => input.GetRowCount();

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
    {
        var needed = columnsNeeded.ToArray();
        return new MappedCursor(input.GetRowCursor(mapper.GetDependencies(needed), rand), mapper, needed);
    }

    /// <summary>One cursor: scoring a row is already the model's parallel-safe unit, and ML.NET accepts fewer cursors than asked.</summary>
    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [GetRowCursor(columnsNeeded, rand)];

    private sealed class MappedCursor : DataViewRowCursor
    {
        private readonly DataViewRowCursor _input;
        private readonly SentenceRow _row;

        public MappedCursor(DataViewRowCursor input, SentenceMapper mapper, IEnumerable<DataViewSchema.Column> active)
        {
            _input = input;
            _row = new SentenceRow(mapper, input, active.Select(c => c.Index));
        }

        public override DataViewSchema Schema => _row.Schema;

        public override long Position => _input.Position;

        public override long Batch => _input.Batch;

        public override bool MoveNext() => _input.MoveNext();

        public override ValueGetter<DataViewRowId> GetIdGetter() => _input.GetIdGetter();

        public override bool IsColumnActive(DataViewSchema.Column column) => _row.IsColumnActive(column);

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column) => _row.GetGetter<TValue>(column);

        protected override void Dispose(bool disposing)
        {
            if (disposing) _input.Dispose();
            base.Dispose(disposing);
        }
    }
}
