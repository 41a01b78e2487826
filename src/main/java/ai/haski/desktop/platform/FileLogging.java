package ai.haski.desktop.platform;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Adds the desktop app's rotating log file to the console logging every face starts with.
 *
 * <p>The command line logs warnings to stderr only, so that stdout carries results; the desktop app has no console
 * a user would read, so it keeps INFO (each analysis: model, format, runtime, timings) in a file instead.
 */
public final class FileLogging {
    /** The current log file's name in {@link AppPaths#logDir()}. */
    public static final String FILE_NAME = "haski-desktop.log";
    static final String APPENDER_NAME = "APP_FILE";

    private FileLogging() {}

    /** Starts logging at INFO to {@code logDir/haski-desktop.log}, rolled daily and at 10 MB, 7 files kept. */
    public static void install(Path logDir) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (root.getAppender(APPENDER_NAME) != null) {
            return;
        }
        // Consoles keep showing warnings only, as before.
        for (Appender<ILoggingEvent> console : appenders(root)) {
            ThresholdFilter warnings = new ThresholdFilter();
            warnings.setLevel(Level.WARN.levelStr);
            warnings.start();
            console.addFilter(warnings);
        }

        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n");
        encoder.start();

        RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
        file.setContext(context);
        file.setName(APPENDER_NAME);
        file.setFile(logDir.resolve(FILE_NAME).toString());
        file.setEncoder(encoder);

        SizeAndTimeBasedRollingPolicy<ILoggingEvent> policy = new SizeAndTimeBasedRollingPolicy<>();
        policy.setContext(context);
        policy.setParent(file);
        policy.setFileNamePattern(logDir.resolve("haski-desktop.%d{yyyy-MM-dd}.%i.log").toString());
        policy.setMaxFileSize(FileSize.valueOf("10MB"));
        policy.setMaxHistory(7);
        policy.setTotalSizeCap(FileSize.valueOf("70MB"));
        policy.start();
        file.setRollingPolicy(policy);
        file.start();

        root.addAppender(file);
        root.setLevel(Level.INFO);
    }

    private static List<Appender<ILoggingEvent>> appenders(Logger logger) {
        List<Appender<ILoggingEvent>> list = new ArrayList<>();
        for (Iterator<Appender<ILoggingEvent>> it = logger.iteratorForAppenders(); it.hasNext(); ) {
            list.add(it.next());
        }
        return list;
    }
}
