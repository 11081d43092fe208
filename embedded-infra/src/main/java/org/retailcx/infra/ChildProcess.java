package org.retailcx.infra;

import java.io.File;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A server process started by this JVM (the postmaster, the Kafka broker JVM), handled in one place: it runs in
 * a session of its own (a Ctrl-C reaches only the JVM), appends its output to a log, is stopped by a ladder of
 * signals, and never outlives the JVM: an {@code sh} watchdog runs the same ladder once the JVM is gone, even
 * after a SIGKILL of the JVM.
 */
final class ChildProcess {

    private static final System.Logger LOG = System.getLogger(ChildProcess.class.getName());

    /** Send {@code signal}, then give the process {@code grace} to exit before the next step. */
    record StopStep(String signal, Duration grace) {
    }

    /** A readiness check; an exception counts as "not yet" and is reported if the wait times out. */
    @FunctionalInterface
    interface Probe {
        boolean ready() throws Exception;
    }

    private final String name;
    private final Process process;
    private final Process watchdog;
    private final List<StopStep> stopLadder;
    private final Path pidFile;
    private final Thread shutdownHook;

    private ChildProcess(String name, Process process, List<StopStep> stopLadder, Path pidFile, boolean stopOnJvmExit) {
        this.name = name;
        this.process = process;
        this.stopLadder = List.copyOf(stopLadder);
        this.pidFile = pidFile;
        this.watchdog = startWatchdog(process.pid(), this.stopLadder);
        if (stopOnJvmExit) {
            shutdownHook = new Thread(this::stop, name + "-shutdown");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        } else {
            shutdownHook = null;
        }
    }

    /**
     * Starts {@code command} (working directory, environment and so on as set on it) in a new session, stdin
     * from /dev/null, stdout and stderr appended to {@code log}. Writes the pid to {@code pidFile} unless it is
     * null (PostgreSQL writes its own).
     */
    static ChildProcess start(String name, ProcessBuilder command, Path log, List<StopStep> stopLadder, Path pidFile,
            boolean stopOnJvmExit) throws IOException {
        List<String> cmd = new ArrayList<>(ProcessSupport.newSessionPrefix());
        cmd.addAll(command.command());
        command.command(cmd)
                .redirectInput(new File("/dev/null"))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Process process = command.start();
        if (pidFile != null) {
            Files.writeString(pidFile, process.pid() + "\n", StandardCharsets.UTF_8);
        }
        return new ChildProcess(name, process, stopLadder, pidFile, stopOnJvmExit);
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** "running", "exited with code N" or "killed by signal N (NAME)". */
    String exitStatus() {
        if (process.isAlive()) {
            return "running";
        }
        int code = process.exitValue();
        // the JDK reports a death by signal N as exit code 128 + N
        if (code > 128 && code < 128 + 32) {
            int signal = code - 128;
            return "killed by signal " + signal + signalName(signal);
        }
        return "exited with code " + code;
    }

    /**
     * Polls {@code probe} until it says ready. Fails (stopping the process) when the process exits first or the
     * timeout passes; {@code diagnostics} is appended to the message (where it ran, log lines).
     */
    void awaitReady(Duration timeout, Probe probe, Supplier<String> diagnostics) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (true) {
            if (!process.isAlive()) {
                throw new InfraException(name + " " + exitStatus() + " during startup " + diagnostics.get());
            }
            try {
                if (probe.ready()) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop();
                throw new InfraException("interrupted while waiting for " + name, e);
            } catch (Exception e) {
                last = e;
            }
            if (System.nanoTime() > deadline) {
                stop();
                throw new InfraException(name + " not ready within " + timeout.toSeconds() + " s (last error: "
                        + (last == null ? "none" : last.getMessage()) + ") " + diagnostics.get());
            }
            ProcessSupport.sleep(100);
        }
    }

    /** Runs the stop ladder (if the process still runs), ends the watchdog, deletes the pid file. Idempotent. */
    void stop() {
        if (process.isAlive()) {
            stopLeftover(name, process.pid(), stopLadder);
        }
        if (watchdog != null && watchdog.isAlive()) {
            watchdog.destroyForcibly();
            ProcessSupport.waitFor(watchdog, Duration.ofSeconds(5));
        }
        if (pidFile != null) {
            try {
                Files.deleteIfExists(pidFile);
            } catch (IOException e) {
                // a stale pid file is checked against the command line before it is believed
            }
        }
        if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // the JVM is shutting down already
            }
        }
    }

    /** Runs a stop ladder on any pid, e.g. a server left running by a JVM that was killed. */
    static void stopLeftover(String name, long pid, List<StopStep> stopLadder) {
        for (StopStep step : stopLadder) {
            if (!ProcessSupport.isAlive(pid)) {
                return;
            }
            ProcessSupport.signal(pid, step.signal());
            if (ProcessSupport.waitForExit(pid, step.grace())) {
                return;
            }
            LOG.log(Level.WARNING, "{0} (pid {1}) still runs {2} s after SIG{3}", name, Long.toString(pid),
                    step.grace().toSeconds(), step.signal());
        }
    }

    /** The pid on the first line of a pid file, or -1 when the file is missing or holds something else. */
    static long pidIn(Path pidFile) {
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            return lines.isEmpty() ? -1 : Long.parseLong(lines.get(0).trim());
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    /** sh loop that runs the stop ladder on the child once this JVM is gone (it survives a SIGKILL of the JVM). */
    private static Process startWatchdog(long childPid, List<StopStep> stopLadder) {
        List<String> cmd = new ArrayList<>(ProcessSupport.newSessionPrefix());
        cmd.addAll(List.of("sh", "-c", watchdogScript(stopLadder), Long.toString(ProcessHandle.current().pid()),
                Long.toString(childPid)));
        try {
            return new ProcessBuilder(cmd)
                    .redirectInput(new File("/dev/null"))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not start the watchdog of pid {0}: {1}", Long.toString(childPid), e.toString());
            return null;
        }
    }

    /** $0 = the JVM's pid, $1 = the child's; a zombie counts as dead (it only waits to be reaped). */
    static String watchdogScript(List<StopStep> stopLadder) {
        StringBuilder script = new StringBuilder("trap '' INT TERM HUP; "
                + "alive() { kill -0 \"$1\" 2>/dev/null || return 1; s=; "
                + "read -r _ _ s _ 2>/dev/null < /proc/\"$1\"/stat; [ \"$s\" != Z ]; }; "
                + "while alive \"$0\" && alive \"$1\"; do sleep 1; done; ");
        for (StopStep step : stopLadder) {
            script.append("alive \"$1\" || exit 0; kill -").append(step.signal()).append(" \"$1\" 2>/dev/null; i=0; ")
                    .append("while alive \"$1\" && [ $i -lt ").append(step.grace().toSeconds())
                    .append(" ]; do sleep 1; i=$((i+1)); done; ");
        }
        return script.append("exit 0").toString();
    }

    private static String signalName(int signal) {
        return switch (signal) {
            case 2 -> " (INT)";
            case 3 -> " (QUIT)";
            case 6 -> " (ABRT)";
            case 9 -> " (KILL)";
            case 11 -> " (SEGV)";
            case 15 -> " (TERM)";
            default -> "";
        };
    }
}
