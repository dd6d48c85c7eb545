package org.ichnaea.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressLineTest {

    @Test
    void the_first_report_prints_then_at_most_one_line_every_two_seconds() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AtomicLong nanos = new AtomicLong(5_000_000_000L);
        ProgressLine progress = new ProgressLine(new PrintStream(bytes, true, StandardCharsets.UTF_8),
                "import cells: %,d lines read", nanos::get);

        progress.accept(10_000);
        nanos.addAndGet(1_999_999_999L);
        progress.accept(20_000);
        nanos.addAndGet(1L);
        progress.accept(30_000);
        progress.accept(40_000);
        nanos.addAndGet(60_000_000_000L);
        assertThat(progress.line("a whole line")).isTrue();

        assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "import cells: 10,000 lines read", "import cells: 30,000 lines read", "a whole line");
    }
}
