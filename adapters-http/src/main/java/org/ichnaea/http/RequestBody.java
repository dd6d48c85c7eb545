package org.ichnaea.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.ichnaea.http.json.Json;

/**
 * Reads an API request body (docs/api.md): gzip when {@code Content-Encoding: gzip}, the request's
 * charset (UTF-8 by default), JSON with NaN and Infinity allowed. An empty body is an empty query. A body over the
 * size limit, compressed or not, is refused with 413.
 */
final class RequestBody {

    private RequestBody() {
    }

    /** The JSON of the body, or null for an empty body. */
    static JsonNode read(Context ctx, long maxBytes) {
        byte[] raw = readLimited(ctx, maxBytes);
        String encoding = ctx.header("Content-Encoding");
        if (encoding != null && encoding.trim().equalsIgnoreCase("gzip") && raw.length > 0) {
            raw = gunzip(raw, maxBytes);
        }
        if (raw.length == 0) {
            return null;
        }
        String text = decode(raw, charset(ctx.header("Content-Type")));
        if (text.isBlank()) {
            return null;
        }
        try {
            return Json.parse(text);
        } catch (JsonProcessingException e) {
            throw new ApiException(ApiError.PARSE_ERROR, Map.of("decode", e.getOriginalMessage()));
        }
    }

    private static byte[] readLimited(Context ctx, long maxBytes) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBytes) {
            throw new ApiException(ApiError.PAYLOAD_TOO_LARGE);
        }
        try (InputStream in = ctx.req().getInputStream()) {
            return readAtMost(in, maxBytes);
        } catch (IOException e) {
            throw new ApiException(ApiError.PARSE_ERROR, Map.of("decode", "could not read the body: "
                    + e.getMessage()));
        }
    }

    private static byte[] readAtMost(InputStream in, long maxBytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            total += n;
            if (total > maxBytes) {
                throw new ApiException(ApiError.PAYLOAD_TOO_LARGE);
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static byte[] gunzip(byte[] raw, long maxBytes) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
            return readAtMost(in, maxBytes);
        } catch (IOException e) {
            throw new ApiException(ApiError.PARSE_ERROR, Map.of("decode", "gzip: " + e.getMessage()));
        }
    }

    private static Charset charset(String contentType) {
        if (contentType == null) {
            return StandardCharsets.UTF_8;
        }
        for (String part : contentType.split(";")) {
            String p = part.trim();
            if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                String name = p.substring("charset=".length()).trim().replace("\"", "");
                try {
                    return Charset.forName(name);
                } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                    return StandardCharsets.UTF_8;
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    private static String decode(byte[] raw, Charset charset) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            throw new ApiException(ApiError.PARSE_ERROR, Map.of("decode", "'" + charset.name().toLowerCase(
                    Locale.ROOT) + "' codec can't decode the body: " + e));
        }
    }
}
