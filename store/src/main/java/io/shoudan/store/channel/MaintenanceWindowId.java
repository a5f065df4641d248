package io.shoudan.store.channel;

/** The store's id of a scheduled maintenance window, for removing it again. */
public record MaintenanceWindowId(long value) {

    public MaintenanceWindowId {
        if (value <= 0) {
            throw new IllegalArgumentException("a maintenance window id is positive, got " + value);
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
