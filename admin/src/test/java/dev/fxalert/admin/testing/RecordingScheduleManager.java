package dev.fxalert.admin.testing;

import dev.fxalert.core.port.ScheduleExpression;
import dev.fxalert.core.port.ScheduleManager;
import dev.fxalert.core.port.ScheduleStatus;
import dev.fxalert.core.port.UserSchedule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A {@link ScheduleManager} that keeps its state in fields and records every call. */
public final class RecordingScheduleManager implements ScheduleManager {

    public final List<String> calls = new ArrayList<>();
    public final Map<String, UserSchedule> userSchedules = new LinkedHashMap<>();
    private boolean enabled = true;
    private String expression = "rate(5 minutes)";

    public synchronized void reset() {
        calls.clear();
        userSchedules.clear();
        enabled = true;
        expression = "rate(5 minutes)";
    }

    @Override
    public synchronized ScheduleStatus describe() {
        calls.add("describe");
        return status();
    }

    @Override
    public synchronized ScheduleStatus pause() {
        calls.add("pause");
        enabled = false;
        return status();
    }

    @Override
    public synchronized ScheduleStatus resume() {
        calls.add("resume");
        enabled = true;
        return status();
    }

    @Override
    public synchronized ScheduleStatus changeExpression(ScheduleExpression newExpression) {
        calls.add("change " + newExpression.text());
        expression = newExpression.text();
        return status();
    }

    @Override
    public synchronized void putUserSchedule(UserSchedule schedule) {
        userSchedules.put(schedule.group() + "/" + schedule.name(), schedule);
    }

    @Override
    public synchronized boolean deleteUserSchedule(String group, String name) {
        return userSchedules.remove(group + "/" + name) != null;
    }

    private ScheduleStatus status() {
        return new ScheduleStatus("fx-alert-ingestion", "default", enabled, expression, "UTC");
    }
}
