package org.ichnaea.http.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.ichnaea.core.export.ExportConfig;
import org.ichnaea.core.export.ReportExporter;
import org.ichnaea.core.export.RetriableExportException;
import org.ichnaea.core.submit.IncomingReport;
import org.ichnaea.http.json.Json;

/**
 * The {@code geosubmit} export schema (docs/algorithms.md §13.1): POSTs the batch to the configuration's URL as a
 * gzip (level 5) v2 geosubmit body with {@code Content-Encoding: gzip}, {@code Content-Type: application/json} and
 * {@code User-Agent: ichnaea}, 60 s timeout. Connection failures, timeouts and any non-2xx answer are retriable.
 */
public final class GeosubmitExporter implements ReportExporter {

    private final HttpClient client;
    private final Duration timeout;

    public GeosubmitExporter() {
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(), Duration.ofSeconds(60));
    }

    public GeosubmitExporter(HttpClient client, Duration timeout) {
        this.client = client;
        this.timeout = timeout;
    }

    @Override
    public void export(ExportConfig config, List<IncomingReport> batch) throws RetriableExportException {
        byte[] body = gzip(Json.write(ReportJson.items(batch.stream().map(IncomingReport::report).toList()))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8), 5);
        HttpRequest request = HttpRequest.newBuilder(URI.create(config.url())).timeout(timeout)
                .header("Content-Encoding", "gzip").header("Content-Type", "application/json")
                .header("User-Agent", "ichnaea").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<Void> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new RetriableExportException("POST " + config.url() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetriableExportException("interrupted while posting to " + config.url(), e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new RetriableExportException("POST " + config.url() + " answered HTTP " + response.statusCode());
        }
    }

    /** {@code data} gzip-compressed at {@code level} (also the file export's, app). */
    public static byte[] gzip(byte[] data, int level) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 4 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out) {
            {
                def.setLevel(level);
            }
        }) {
            gz.write(data);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
