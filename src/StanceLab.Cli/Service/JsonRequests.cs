using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;

namespace StanceLab.Cli.Service;

/// <summary>Reads a request's JSON body within the size limit, or says what is wrong with it as a <see cref="ServiceError"/>.</summary>
internal static class JsonRequests
{
    public static async Task<T> ReadAsync<T>(HttpRequest request, JsonTypeInfo<T> type, long maxBytes, CancellationToken cancellation)
    {
        if (!request.HasJsonContentType())
            throw new ServiceError(StatusCodes.Status415UnsupportedMediaType, $"send the body as application/json (got {(string.IsNullOrEmpty(request.ContentType) ? "no content type" : request.ContentType)})");
        if (request.ContentLength > maxBytes)
            throw new ServiceError(StatusCodes.Status413PayloadTooLarge, $"the body is {request.ContentLength:N0} bytes; the limit is {maxBytes:N0}");

        // Read at most one byte past the limit: a chunked body that never says its length is still capped.
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellation)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes)
                throw new ServiceError(StatusCodes.Status413PayloadTooLarge, $"the body is over the limit of {maxBytes:N0} bytes");
        }
        if (buffer.Length == 0) throw new ServiceError(StatusCodes.Status400BadRequest, "the body is empty; send a JSON object");
        try
        {
            return JsonSerializer.Deserialize(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), type)
                ?? throw new ServiceError(StatusCodes.Status400BadRequest, "the body is null; send a JSON object");
        }
        catch (JsonException e)
        {
            throw new ServiceError(StatusCodes.Status400BadRequest, $"malformed JSON: {e.Message}");
        }
    }
}
