using Microsoft.ML;
using StanceLab.Persistence;

namespace StanceLab.MlNet;

/// <summary>Loading a StanceLab model where ML.NET code loads its models: <c>mlContext.Model.LoadStanceLab(path)</c>.</summary>
public static class StanceLabModelOperations
{
    /// <summary>
    /// Reads a StanceLab model file (with every check <see cref="ModelFile.Read"/> makes: format
    /// version, checksum, truncation) and returns it as an ML.NET transformer over
    /// <paramref name="inputColumn"/>.
    /// </summary>
    /// <exception cref="ModelFormatException">The file is missing, truncated, corrupt, newer or not a model.</exception>
    public static StanceLabTransformer LoadStanceLab(this ModelOperationsCatalog catalog, string path, string inputColumn = StanceLabTransformer.DefaultInputColumn)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new StanceLabTransformer(ModelFile.Read(path), inputColumn);
    }
}
