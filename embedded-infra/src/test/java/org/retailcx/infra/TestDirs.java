package org.retailcx.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** World-searchable temp dirs (JUnit's @TempDir is 0700 root, which uid 65534 cannot enter). */
final class TestDirs {
    private TestDirs() {
    }

    static Path create(String prefix) throws IOException {
        Path dir = Files.createTempDirectory(prefix);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        return dir;
    }

    static void delete(Path dir) {
        ProcessSupport.deleteRecursively(dir);
    }
}
