package io.shoudan.server.json;

/**
 * Input from outside that cannot be accepted, with the path of the field at fault
 * (e.g. {@code terminal.firmware}) so the person who wrote it can fix it.
 */
public final class InvalidInputException extends RuntimeException {

    private final String path;

    public InvalidInputException(String path, String problem) {
        super(path.isEmpty() ? problem : path + ": " + problem);
        this.path = path;
    }

    public String path() {
        return path;
    }
}
