package org.ichnaea.mysql.queue;

import java.nio.file.Path;
import java.util.List;
import org.ichnaea.core.queue.DataQueue;
import org.ichnaea.core.submit.IncomingReport;
import org.ichnaea.core.testing.TestReports;

/**
 * A second process on a log queue, for {@link LogDataQueueTest}: enqueues reports {@code from} to {@code to} one by
 * one, or two at a time, and prints each number once its enqueue has returned ("acknowledged").
 */
public final class LogQueueWriter {

    private LogQueueWriter() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        int from = Integer.parseInt(args[1]);
        int to = Integer.parseInt(args[2]);
        DataQueue<IncomingReport> queue = LogDataQueue.incoming(dir);
        for (int i = from; i < to; i += 2) {
            if (i + 1 < to) {
                queue.enqueue(List.of(TestReports.full(i), TestReports.full(i + 1)));
                System.out.println(i);
                System.out.println(i + 1);
            } else {
                queue.enqueue(List.of(TestReports.full(i)));
                System.out.println(i);
            }
            System.out.flush();
        }
    }
}
