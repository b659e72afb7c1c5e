package dev.sumoclient.users.quota.redis;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;

/** Collects every log event of every logger (Lettuce's and Netty's too) at INFO and above. */
final class LogCapture implements AutoCloseable {
  private final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
  private final Level before = root.getLevel();
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  LogCapture(Level level) {
    appender.start();
    root.addAppender(appender);
    root.setLevel(level);
  }

  LogCapture() {
    this(Level.INFO);
  }

  List<ILoggingEvent> events() {
    synchronized (appender.list) {
      return List.copyOf(appender.list);
    }
  }

  List<String> messages(Level level, String loggerPrefix) {
    return events().stream()
        .filter(e -> e.getLevel() == level && e.getLoggerName().startsWith(loggerPrefix))
        .map(ILoggingEvent::getFormattedMessage)
        .collect(Collectors.toList());
  }

  /** Every message, with its exception's messages, as one text to search for secrets. */
  String everything() {
    StringBuilder all = new StringBuilder();
    for (ILoggingEvent event : events()) {
      all.append(event.getLoggerName())
          .append(' ')
          .append(event.getFormattedMessage())
          .append('\n');
      for (var t = event.getThrowableProxy(); t != null; t = t.getCause()) {
        all.append(t.getClassName()).append(": ").append(t.getMessage()).append('\n');
      }
    }
    return all.toString();
  }

  @Override
  public void close() {
    root.detachAppender(appender);
    root.setLevel(before);
  }
}
