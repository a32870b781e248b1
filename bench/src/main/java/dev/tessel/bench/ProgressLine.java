package dev.tessel.bench;

import java.io.PrintStream;
import java.util.Locale;

/**
 * The live progress line: current case, done/total and ETA. On a terminal it rewrites one
 * line in place; into a file or pipe it prints a line per case instead, so logs stay readable.
 * The ETA starts from the plan's expected seconds per case and follows the measured average
 * once cases have finished.
 */
final class ProgressLine {
    private final PrintStream out;
    private final boolean terminal;
    private final int total;
    private final double expectedSecondsPerCase;
    private final long startNanos = System.nanoTime();
    private int done;
    private int lastWidth;

    ProgressLine(PrintStream out, boolean terminal, int total, double expectedSecondsPerCase) {
        this.out = out;
        this.terminal = terminal;
        this.total = total;
        this.expectedSecondsPerCase = expectedSecondsPerCase;
    }

    static boolean stdoutIsTerminal() {
        return System.console() != null && System.console().isTerminal();
    }

    /** Shows that {@code label} is now running. */
    void start(String label) {
        String line = String.format(Locale.ROOT, "[%d/%d] %s  ETA %s", done + 1, total, label, format(etaSeconds()));
        if (terminal) {
            out.print("\r" + line + " ".repeat(Math.max(0, lastWidth - line.length())));
            lastWidth = line.length();
        } else {
            out.println(line);
        }
        out.flush();
    }

    /** Counts one case as finished. */
    void finish() {
        done++;
    }

    /** Ends the line in place so that the next output starts on a fresh line. */
    void close() {
        if (terminal && lastWidth > 0) {
            out.println();
            lastWidth = 0;
        }
    }

    /** Prints a message above the progress line without garbling it. */
    void message(String text) {
        if (terminal && lastWidth > 0) {
            out.print("\r" + " ".repeat(lastWidth) + "\r");
            lastWidth = 0;
        }
        out.println(text);
    }

    int done() {
        return done;
    }

    double etaSeconds() {
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        double perCase = done == 0 ? expectedSecondsPerCase : elapsed / done;
        return Math.max(0, perCase * (total - done) - (done == 0 ? elapsed : 0));
    }

    static String format(double seconds) {
        long s = Math.round(seconds);
        return s >= 60 ? (s / 60) + "m" + String.format(Locale.ROOT, "%02d", s % 60) + "s" : s + "s";
    }
}
