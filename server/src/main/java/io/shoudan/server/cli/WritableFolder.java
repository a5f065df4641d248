package io.shoudan.server.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * The folder a command keeps its files in (the store, keys, the demo's days), checked before anything is opened: a
 * folder the command cannot write is refused on one line naming the setting and the path, instead of a stack trace
 * from whichever file happened to be written first.
 */
public final class WritableFolder {

    private WritableFolder() {
    }

    /**
     * Creates {@code folder} when missing and writes (then deletes) a file in it.
     *
     * @param setting how the user chose the folder ({@code --data}, or where the default lies), for the message
     * @throws IllegalStateException naming the setting, the path and the reason, in English and Chinese
     */
    static Path require(String setting, Path folder) {
        Path absolute = folder.toAbsolutePath().normalize();
        try {
            Files.createDirectories(absolute);
            Path probe = Files.createTempFile(absolute, ".write-check", ".tmp");
            Files.delete(probe);
            return absolute;
        } catch (IOException | SecurityException e) {
            String reason = e instanceof FileSystemException onFile && onFile.getReason() != null ? onFile.getReason()
                    : e instanceof IOException io ? describe(io) : "not allowed";
            throw new IllegalStateException(setting + ": cannot write the folder " + absolute + " (" + reason + ")"
                    + " / 无法写入目录 " + absolute + "（" + reason + "）：请换一个可写的目录或修改其权限");
        }
    }

    /** An I/O failure as a person reads it: the path and what was wrong with it, no Java class name. */
    public static String describe(IOException failure) {
        if (failure instanceof FileSystemException onFile) {
            String what = onFile.getReason() != null ? onFile.getReason()
                    : onFile instanceof AccessDeniedException ? "permission denied"
                    : onFile instanceof NoSuchFileException ? "no such file or folder"
                    : onFile instanceof NotDirectoryException ? "not a folder"
                    : onFile instanceof FileAlreadyExistsException ? "a file is in the way"
                    : "cannot be used";
            return onFile.getFile() == null ? what : onFile.getFile() + ": " + what;
        }
        return failure.getMessage() == null ? "input/output error" : failure.getMessage();
    }
}
