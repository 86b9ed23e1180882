using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OneVisit.Web.Hosting;

namespace OneVisit.Web.Api.Internal;

/// <summary>Reads a request body as text, refusing one over <see cref="OneVisitWebOptions.MaxRequestBytes"/> before it is parsed.</summary>
internal static class RequestText
{
    public static async Task<string> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        // A declared type that is not JSON or YAML is refused: browsers cannot send those types to another site
        // without asking it first (a CORS preflight), which closes one way of forging a request.
        if (!IsDocument(request.ContentType))
        {
            throw new BadRequestException($"Send the body as JSON (Content-Type: application/json) or YAML (application/yaml); this request says '{request.ContentType ?? "nothing"}'.", StatusCodes.Status415UnsupportedMediaType);
        }

        var max = request.HttpContext.RequestServices.GetRequiredService<IOptions<OneVisitWebOptions>>().Value.MaxRequestBytes;
        if (request.ContentLength > max)
        {
            throw TooLarge(max);
        }

        // The declared length may be absent (chunked) or false: count what really arrives.
        var buffer = new byte[Math.Min(max + 1, (int?)request.ContentLength + 1 ?? 16 * 1024)];
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (buffer.Length > max)
                {
                    throw TooLarge(max);
                }

                Array.Resize(ref buffer, Math.Min(buffer.Length * 2, max + 1));
            }

            var read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken);
            if (read == 0)
            {
                break;
            }

            length += read;
        }

        if (length > max)
        {
            throw TooLarge(max);
        }

        try
        {
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(buffer, 0, length);
        }
        catch (DecoderFallbackException)
        {
            throw new BadRequestException("The request body is not UTF-8 text; send the application as JSON (or YAML) in UTF-8.");
        }
    }

    private static bool IsDocument(string? contentType)
    {
        if (contentType is null || !Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var type))
        {
            return false;
        }

        var media = type.MediaType.Value ?? "";
        return media is "application/json" or "application/yaml" or "application/x-yaml" or "text/yaml"
            || media.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }

    private static BadRequestException TooLarge(int max) =>
        new($"The request body is larger than {max:N0} bytes, the most this service reads (OneVisit:Web:MaxRequestBytes). An application is a few kilobytes: send documents as references, not their content.", StatusCodes.Status413PayloadTooLarge);
}

/// <summary>A request OneVisit refuses before it reaches the library, with what to change.</summary>
internal sealed class BadRequestException(string message, int status = StatusCodes.Status400BadRequest) : Exception(message)
{
    public int Status { get; } = status;
}
