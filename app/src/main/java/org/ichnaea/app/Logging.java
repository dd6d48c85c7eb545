package org.ichnaea.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import io.sentry.Sentry;
import io.sentry.SentryOptions;
import io.sentry.logback.SentryAppender;
import org.slf4j.LoggerFactory;

/**
 * Applies the logging settings to Logback's configuration of {@code logback.xml}: the root level
 * ({@code LOGGING_LEVEL}), the format of the stderr appender ({@code LOG_FORMAT}: its pattern, or Logback's
 * {@link JsonEncoder}, one JSON object per line) and, with {@code SENTRY_DSN}, a {@link SentryAppender} that sends
 * ERROR events to Sentry (the official SDK; it also reports uncaught exceptions). Every command calls it through
 * {@code SettingsCommand.settings()}; calling it again with other settings (tests) switches back.
 */
final class Logging {

    static final String STDERR_APPENDER = "STDERR";
    static final String SENTRY_APPENDER = "SENTRY";

    /** The pattern encoder of logback.xml, kept to switch back from JSON. */
    private static Encoder<ILoggingEvent> textEncoder;
    private static String sentryDsn;

    private Logging() {
    }

    static synchronized void configure(Settings settings) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(settings.loggingLevel()));
        format(context, root, settings.telemetry().jsonLogs());
        sentry(context, root, settings.telemetry());
    }

    private static void format(LoggerContext context, ch.qos.logback.classic.Logger root, boolean json) {
        Appender<ILoggingEvent> appender = root.getAppender(STDERR_APPENDER);
        if (!(appender instanceof OutputStreamAppender<ILoggingEvent> stderr)) {
            return;
        }
        if (textEncoder == null) {
            textEncoder = stderr.getEncoder();
        }
        boolean isJson = stderr.getEncoder() instanceof JsonEncoder;
        if (json == isJson) {
            return;
        }
        Encoder<ILoggingEvent> encoder;
        if (json) {
            JsonEncoder encoder1 = new JsonEncoder();
            encoder1.setContext(context);
            encoder1.setWithSequenceNumber(false);
            encoder1.setWithNanoseconds(false);
            encoder1.setWithContext(false);
            encoder1.setWithMessage(false);
            encoder1.setWithArguments(false);
            encoder1.setWithFormattedMessage(true);
            encoder1.start();
            encoder = encoder1;
        } else {
            encoder = textEncoder;
        }
        stderr.stop();
        stderr.setEncoder(encoder);
        stderr.start();
    }

    private static void sentry(LoggerContext context, ch.qos.logback.classic.Logger root,
                               Settings.Telemetry telemetry) {
        String dsn = telemetry.sentryDsn();
        if (java.util.Objects.equals(dsn, sentryDsn)) {
            return;
        }
        Appender<ILoggingEvent> old = root.getAppender(SENTRY_APPENDER);
        if (old != null) {
            root.detachAppender(old);
            old.stop();
            Sentry.close();
        }
        sentryDsn = dsn;
        if (dsn == null) {
            return;
        }
        SentryOptions options = new SentryOptions();
        options.setDsn(dsn);
        if (telemetry.sentryEnvironment() != null) {
            options.setEnvironment(telemetry.sentryEnvironment());
        }
        var version = Version.info();
        options.setRelease("ichnaea@" + version.version()
                + (Version.UNKNOWN.equals(version.commit()) ? "" : "+" + version.commit().substring(0, 12)));
        options.setSendDefaultPii(false);
        SentryAppender appender = new SentryAppender();
        appender.setName(SENTRY_APPENDER);
        appender.setContext(context);
        appender.setOptions(options);
        appender.setMinimumEventLevel(Level.ERROR);
        appender.setMinimumBreadcrumbLevel(Level.WARN);
        appender.start();
        root.addAppender(appender);
    }
}
