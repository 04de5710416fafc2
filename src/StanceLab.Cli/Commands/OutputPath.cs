namespace StanceLab.Cli.Commands;

/// <summary>Checks an output path before a long run, so a run never fails at its very end for want of a place to write.</summary>
internal static class OutputPath
{
    public static void EnsureWritable(string path, string option)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full)) throw new UsageException($"{option} {path}: is a directory; name the model file to write (e.g. {Path.Combine(path, "news.stancelab")}).");
        // Walk up to the first part that exists: it must be a folder, not a file.
        for (var parent = Path.GetDirectoryName(full); parent is not null; parent = Path.GetDirectoryName(parent))
        {
            if (Directory.Exists(parent)) break;
            if (File.Exists(parent)) throw new UsageException($"{option} {path}: {parent} is a file, so no folder can be made under it.");
        }
        var directory = Path.GetDirectoryName(full)!;
        try
        {
            Directory.CreateDirectory(directory);
            var probe = Path.Combine(directory, $".stancelab-probe-{Guid.NewGuid():N}.tmp");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{option} {path}: cannot write in {directory} ({e.Message}).");
        }
    }
}
