package dev.fxalert.admin.digest;

/**
 * One page of {@code POST /admin/digests/schedule}.
 *
 * @param users     active users read on this page
 * @param scheduled of those, the ones with a digest time whose schedule was put
 * @param next      the {@code after} of the next page; null when this was the last
 */
public record DigestSchedulingReport(int users, int scheduled, String next) {
}
