namespace StanceLab.Cli.Service;

/// <summary>The scoring service's limits and address.</summary>
internal sealed record ServiceOptions
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>Where to listen (Kestrel URLs, separated by ';').</summary>
    public string Urls { get; init; } = DefaultUrls;

    /// <summary>Largest request body accepted; a larger one is answered 413.</summary>
    public long MaxRequestBytes { get; init; } = 1 << 20;

    /// <summary>Most articles in one <c>POST /v1/score</c>.</summary>
    public int MaxArticles { get; init; } = 1000;

    /// <summary>Most tokens listed toward and against a label (<c>explain</c> in the body).</summary>
    public int MaxExplain { get; init; } = 50;
}
