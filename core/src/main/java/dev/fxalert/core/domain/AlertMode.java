package dev.fxalert.core.domain;

/** What happens after an alert fired. */
public enum AlertMode {
    /** Fires once and stays FIRED until the owner re-arms it by hand. */
    ONCE,
    /** Arms itself again once the rate moved back past the re-arm band. */
    REARM
}
