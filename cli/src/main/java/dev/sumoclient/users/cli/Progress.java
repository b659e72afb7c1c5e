package dev.sumoclient.users.cli;

import dev.sumoclient.users.Quotas;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows how an apply advances: done/total, rate and an ETA no earlier than the quota allows. A
 * progress bar on a terminal; plain periodic lines otherwise (logs, CI, pipes).
 */
abstract class Progress implements AutoCloseable {
  final long total;
  final AtomicLong remainingCalls;
  final double callsPerSecond;
  final long startNanos = System.nanoTime();

  Progress(long total, long calls, Quotas quotas) {
    this.total = total;
    this.remainingCalls = new AtomicLong(calls);
    this.callsPerSecond = quotas.requests() / (quotas.per().toNanos() / 1e9);
  }

  static Progress create(
      CliContext ctx, long total, long calls, Quotas quotas, Duration plainInterval) {
    return ctx.stdoutIsTerminal()
        ? new Bar(ctx.err(), total, calls, quotas)
        : new Lines(ctx.err(), total, calls, quotas, plainInterval);
  }

  /** Counts a finished (or failed) step and the calls it cost. */
  abstract void step(int calls);

  @Override
  public abstract void close();

  /** Time left: the remaining calls at the quota's rate, or the observed pace if slower. */
  Duration eta(long done) {
    double quotaSeconds = remainingCalls.get() / callsPerSecond;
    double observed = 0;
    if (done > 0) {
      double elapsed = (System.nanoTime() - startNanos) / 1e9;
      observed = elapsed / done * (total - done);
    }
    return Duration.ofMillis((long) (1000 * Math.max(quotaSeconds, observed)));
  }

  static String format(Duration d) {
    long s = d.toSeconds();
    return s >= 3600
        ? String.format("%dh%02dm%02ds", s / 3600, s / 60 % 60, s % 60)
        : s >= 60 ? String.format("%dm%02ds", s / 60, s % 60) : s + "s";
  }

  private static final class Bar extends Progress {
    private final ProgressBar bar;

    Bar(PrintStream err, long total, long calls, Quotas quotas) {
      super(total, calls, quotas);
      bar =
          new ProgressBarBuilder()
              .setTaskName("sync")
              .setInitialMax(total)
              .setStyle(ProgressBarStyle.ASCII)
              .setUnit(" steps", 1)
              .showSpeed()
              .setUpdateIntervalMillis(200)
              .setConsumer(new ConsoleProgressBarConsumer(err))
              .setEtaFunction(state -> Optional.of(eta(state.getCurrent())))
              .build();
    }

    @Override
    void step(int calls) {
      remainingCalls.addAndGet(-calls);
      bar.step();
    }

    @Override
    public void close() {
      bar.close();
    }
  }

  private static final class Lines extends Progress {
    private final PrintStream err;
    private final long intervalNanos;
    private long done;
    private long lastPrint;

    Lines(PrintStream err, long total, long calls, Quotas quotas, Duration interval) {
      super(total, calls, quotas);
      this.err = err;
      this.intervalNanos = interval.toNanos();
      this.lastPrint = startNanos;
      print();
    }

    @Override
    void step(int calls) {
      remainingCalls.addAndGet(-calls);
      done++;
      long now = System.nanoTime();
      if (now - lastPrint >= intervalNanos) {
        lastPrint = now;
        print();
      }
    }

    private void print() {
      double elapsed = (System.nanoTime() - startNanos) / 1e9;
      String rate = elapsed > 0 && done > 0 ? String.format("%.1f steps/s", done / elapsed) : "-";
      err.printf(
          "sync: %d/%d steps (%d%%), %s, ETA %s (quota %.0f requests/s)%n",
          done,
          total,
          total == 0 ? 100 : done * 100 / total,
          rate,
          format(eta(done)),
          callsPerSecond);
      err.flush();
    }

    @Override
    public void close() {
      print();
    }
  }
}
