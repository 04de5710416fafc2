namespace StanceLab.Tests.Support;

/// <summary>Tests that change the process's working directory run alone: it is shared by every thread.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class WorkingDirectoryCollection
{
    public const string Name = "working directory";
}
