package dev.fxalert.core.domain;

public enum AlertState {
    ARMED,
    FIRED,
    PAUSED
}
