package org.retailcx.infra;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** Small OS helpers shared by the embedded services (Linux only). */
final class ProcessSupport {

    private static volatile Integer effectiveUid;

    private ProcessSupport() {
    }

    /** Effective uid of this JVM (read from /proc/self/status; falls back to user.name). */
    static int effectiveUid() {
        Integer cached = effectiveUid;
        if (cached != null) {
            return cached;
        }
        int uid = -1;
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.UTF_8)) {
                if (line.startsWith("Uid:")) {
                    // Uid: real effective saved fs
                    String[] parts = line.substring(4).trim().split("\\s+");
                    uid = Integer.parseInt(parts[1]);
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            // ignore, fall back below
        }
        if (uid < 0) {
            uid = "root".equals(System.getProperty("user.name")) ? 0 : 1000;
        }
        effectiveUid = uid;
        return uid;
    }

    static boolean isRoot() {
        return effectiveUid() == 0;
    }

    /** Finds an executable on the usual system paths / PATH. */
    static Optional<Path> findExecutable(String name) {
        List<String> dirs = new ArrayList<>(List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin"));
        String path = System.getenv("PATH");
        if (path != null) {
            dirs.addAll(List.of(path.split(":")));
        }
        for (String dir : dirs) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * Command prefix that starts the following program in a new session (so a Ctrl-C sent to the
     * terminal's foreground process group reaches only the JVM, which then stops children in order).
     * {@code setsid} execs in place, so the pid of the started process is the pid of the program.
     */
    static List<String> newSessionPrefix() {
        return findExecutable("setsid").map(p -> List.of(p.toString())).orElse(List.of());
    }

    /** Sends a signal (e.g. "INT", "TERM", "QUIT", "KILL") to a pid via kill(1). Returns true if delivered. */
    static boolean signal(long pid, String signal) {
        try {
            Process p = new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** True if pid is alive and not a zombie. */
    static boolean isAlive(long pid) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty() || !handle.get().isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"), StandardCharsets.UTF_8);
            int close = stat.lastIndexOf(')');
            if (close > 0 && close + 2 < stat.length()) {
                char state = stat.charAt(close + 2);
                return state != 'Z' && state != 'X';
            }
        } catch (IOException e) {
            // fall through
        }
        return true;
    }

    /** Waits until the pid is gone (or a zombie), up to timeout. */
    static boolean waitForExit(long pid, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (isAlive(pid)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            sleep(50);
        }
        return true;
    }

    /** Waits for a child process to exit, up to timeout; true if it did. */
    static boolean waitFor(Process process, Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    /** The command line of a live process as one space-separated string, or "" if unknown. */
    static String commandLine(long pid) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline"));
            return new String(raw, StandardCharsets.UTF_8).replace('\0', ' ').trim();
        } catch (IOException e) {
            return "";
        }
    }

    /** Current working directory of a process (needs same uid or root), if readable. */
    static Optional<Path> workingDirectory(long pid) {
        try {
            return Optional.of(Path.of("/proc/" + pid + "/cwd").toRealPath());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Last {@code lines} lines of a (possibly large) text file, for error messages. */
    static String tail(Path file, int lines) {
        if (file == null || !Files.isRegularFile(file)) {
            return "(no log file " + file + ")";
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            long start = Math.max(0, length - 64 * 1024);
            raf.seek(start);
            byte[] buf = new byte[(int) (length - start)];
            raf.readFully(buf);
            String text = new String(buf, StandardCharsets.UTF_8);
            String[] all = text.split("\n");
            int from = Math.max(0, all.length - lines);
            StringBuilder sb = new StringBuilder();
            for (int i = from; i < all.length; i++) {
                sb.append("    | ").append(all[i]).append('\n');
            }
            return sb.toString();
        } catch (IOException e) {
            return "(could not read " + file + ": " + e + ")";
        }
    }

    /**
     * ERROR/FATAL lines (plus the 3 lines after each, e.g. the exception) written after the last line
     * starting with {@code marker}, at most {@code max} of them; "" if none.
     */
    static String errorLines(Path file, String marker, int max) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            int start = 0;
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (lines.get(i).startsWith(marker)) {
                    start = i;
                    break;
                }
            }
            StringBuilder sb = new StringBuilder();
            int found = 0;
            for (int i = start; i < lines.size() && found < max; i++) {
                String l = lines.get(i);
                if (l.contains("] ERROR ") || l.contains("] FATAL ") || l.contains("FATAL:") || l.contains("ERROR:")) {
                    found++;
                    for (int j = i; j < Math.min(lines.size(), i + 4); j++) {
                        sb.append("    | ").append(lines.get(j)).append('\n');
                    }
                }
            }
            return sb.toString();
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** Renames a log file to *.1 when it got bigger than maxBytes (one generation kept). */
    static void rotateIfLarge(Path log, long maxBytes) {
        try {
            if (Files.isRegularFile(log) && Files.size(log) > maxBytes) {
                Files.move(log, log.resolveSibling(log.getFileName() + ".1"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // best effort
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static void setPermissions(Path path, String perms) throws IOException {
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(perms));
    }

    static void chown(Path path, int uid, int gid) throws IOException {
        Files.setAttribute(path, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(path, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
    }

    static int ownerUid(Path path) throws IOException {
        return (Integer) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * Returns the first directory among {@code dir} and its ancestors that a process running as
     * uid/gid cannot traverse (search permission), or empty if all are traversable. ACLs are ignored.
     */
    static Optional<Path> firstNonTraversable(Path dir, int uid, int gid) throws IOException {
        List<Path> chain = new ArrayList<>();
        for (Path p = dir.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            chain.add(0, p);
        }
        for (Path p : chain) {
            if (!Files.exists(p)) {
                break;
            }
            Path real = p.toRealPath();
            int owner = (Integer) Files.getAttribute(real, "unix:uid");
            int group = (Integer) Files.getAttribute(real, "unix:gid");
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(real);
            boolean ok;
            if (uid == 0) {
                ok = true;
            } else if (owner == uid) {
                ok = perms.contains(PosixFilePermission.OWNER_EXECUTE);
            } else if (group == gid) {
                ok = perms.contains(PosixFilePermission.GROUP_EXECUTE);
            } else {
                ok = perms.contains(PosixFilePermission.OTHERS_EXECUTE);
            }
            if (!ok) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Recursively deletes a directory tree (best effort, does not follow symlinks). */
    static void deleteRecursively(Path root) {
        if (root == null || !Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (var walk = Files.walk(root)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // best effort
                }
            });
        } catch (IOException | java.io.UncheckedIOException e) {
            // best effort
        }
    }

    /** Base directory for caches and temporary data, traversable by everybody (mode 0755 / 1777 parent). */
    static Path sharedTempBase() throws IOException {
        Path base = Path.of(System.getProperty("java.io.tmpdir"), "retailcx-embedded");
        Files.createDirectories(base);
        try {
            if (ownerUid(base) == effectiveUid()) {
                setPermissions(base, "rwxr-xr-x");
            }
        } catch (IOException e) {
            // shared with another user; leave it
        }
        return base;
    }
}
