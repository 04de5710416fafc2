namespace StanceLab.Cli.Commands;

/// <summary>
/// Finds the model to use: the --model path, else $STANCELAB_MODEL, else models/news.stancelab
/// under the working directory, else beside the program.
/// </summary>
internal static class ModelLocator
{
    public const string DefaultRelativePath = "models/news.stancelab";

    public static string Resolve(string? given)
    {
        if (!string.IsNullOrWhiteSpace(given)) return given;
        var fromEnvironment = Environment.GetEnvironmentVariable("STANCELAB_MODEL");
        if (!string.IsNullOrWhiteSpace(fromEnvironment)) return fromEnvironment;
        var candidates = new[]
        {
            Path.Combine(Directory.GetCurrentDirectory(), DefaultRelativePath),
            Path.Combine(AppContext.BaseDirectory, DefaultRelativePath),
        };
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new UsageException($"no model found: looked for $STANCELAB_MODEL (not set), {string.Join(" and ", candidates)}; train one with 'stancelab train' or pass --model PATH");
    }
}
