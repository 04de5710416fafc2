namespace StanceLab.Cli.Service;

/// <summary>A request the service refuses: the HTTP status and what to tell the client.</summary>
internal sealed class ServiceError(int status, string message) : Exception(message)
{
    public int Status { get; } = status;
}
