package dev.fxalert.core.domain;

public enum AlertState {
    ARMED,
    FIRED,
    PAUSED,
    /** Past its expiry (issue 14): never fires again; shown as expired until the owner deletes it. */
    EXPIRED
}
