package io.shoudan.server.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Files that hold keys: readable by their owner only from the moment they exist (POSIX mode 0600, folders 0700), so
 * there is no window in which another user could open one. Where the file system has no POSIX permissions the files
 * are created plainly: protect the folder by other means there.
 */
final class OwnerOnlyFiles {

    private OwnerOnlyFiles() {
    }

    /** Creates the folder and its missing parents; the ones created here are owner-only. */
    static void createDirectories(Path dir) throws IOException {
        if (posix(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(dir);
        }
    }

    /** Creates an empty owner-only file; {@link java.nio.file.FileAlreadyExistsException} when there is one. */
    static void create(Path file) throws IOException {
        FileAttribute<?>[] attributes = posix(file)
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
        Files.createFile(file, attributes);
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
