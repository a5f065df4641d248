package io.shoudan.store.channel;

import io.shoudan.channel.MaintenanceWindow;

/** A maintenance window as stored: the window and the id to remove it by. */
public record ScheduledMaintenance(MaintenanceWindowId id, MaintenanceWindow window) {

    public ScheduledMaintenance {
        if (id == null || window == null) {
            throw new IllegalArgumentException("scheduled maintenance needs an id and a window");
        }
    }
}
