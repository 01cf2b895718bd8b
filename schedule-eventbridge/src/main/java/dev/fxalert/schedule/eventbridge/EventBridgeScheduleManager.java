package dev.fxalert.schedule.eventbridge;

import dev.fxalert.core.port.ScheduleExpression;
import dev.fxalert.core.port.ScheduleManager;
import dev.fxalert.core.port.ScheduleNotFoundException;
import dev.fxalert.core.port.ScheduleStatus;
import dev.fxalert.core.port.ScheduleUnavailableException;
import dev.fxalert.core.port.UserSchedule;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.ActionAfterCompletion;
import software.amazon.awssdk.services.scheduler.model.ConflictException;
import software.amazon.awssdk.services.scheduler.model.DeadLetterConfig;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindow;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindowMode;
import software.amazon.awssdk.services.scheduler.model.GetScheduleResponse;
import software.amazon.awssdk.services.scheduler.model.ResourceNotFoundException;
import software.amazon.awssdk.services.scheduler.model.RetryPolicy;
import software.amazon.awssdk.services.scheduler.model.ScheduleState;
import software.amazon.awssdk.services.scheduler.model.Target;
import software.amazon.awssdk.services.scheduler.model.UpdateScheduleRequest;
import software.amazon.awssdk.services.scheduler.model.ValidationException;

import java.util.function.Supplier;

/**
 * {@link ScheduleManager} on EventBridge Scheduler. UpdateSchedule replaces the whole schedule (every field left out
 * is reset to its default), so each change first reads the schedule with GetSchedule and sends back every field it
 * read (target with its role, input, retry policy and dead-letter queue; flexible time window; time zone; start and
 * end dates; description; KMS key; action after completion), changing only the state or the expression.
 * A change that would change nothing is not sent.
 * <p>
 * User schedules (the daily digest) are created, or replaced whole when one of that name exists already
 * (CreateSchedule, then UpdateSchedule on ConflictException: putting the same schedule twice is harmless), with the
 * expression read in the user's zone ({@code ScheduleExpressionTimezone}, so Scheduler follows daylight-saving
 * changes), an exact time window, and a target carrying {@link #USER_RETRY_POLICY} and the dead-letter queue.
 */
public final class EventBridgeScheduleManager implements ScheduleManager {

    /**
     * Retries of a user schedule's invocation that Scheduler could not hand to its target (throttled, not found,
     * no permission): a digest is still worth sending an hour late, not a day late (the next day's comes then);
     * after that the invocation goes to the dead-letter queue.
     */
    static final RetryPolicy USER_RETRY_POLICY = RetryPolicy.builder()
            .maximumRetryAttempts(3).maximumEventAgeInSeconds(3600).build();

    private final SchedulerClient client;
    private final EventBridgeScheduleConfig config;

    public EventBridgeScheduleManager(SchedulerClient client, EventBridgeScheduleConfig config) {
        this.client = client;
        this.config = config;
    }

    @Override
    public ScheduleStatus describe() {
        return statusOf(readIngestionSchedule());
    }

    @Override
    public ScheduleStatus pause() {
        return changeState(ScheduleState.DISABLED);
    }

    @Override
    public ScheduleStatus resume() {
        return changeState(ScheduleState.ENABLED);
    }

    @Override
    public ScheduleStatus changeExpression(ScheduleExpression expression) {
        GetScheduleResponse current = readIngestionSchedule();
        if (expression.text().equals(current.scheduleExpression())) {
            return statusOf(current);
        }
        update(keepingEverything(current).scheduleExpression(expression.text()).build());
        return statusOf(current.toBuilder().scheduleExpression(expression.text()).build());
    }

    @Override
    public void putUserSchedule(UserSchedule schedule) {
        if (!config.userSchedulesConfigured()) {
            throw new IllegalStateException("User schedules need DIGEST_TARGET_ARN and DIGEST_ROLE_ARN to be set.");
        }
        Target target = Target.builder()
                .arn(config.digestTargetArn())
                .roleArn(config.digestRoleArn())
                .input(schedule.payload().isEmpty() ? null : schedule.payload())
                .retryPolicy(USER_RETRY_POLICY)
                .deadLetterConfig(config.digestDeadLetterArn() == null || config.digestDeadLetterArn().isBlank()
                        ? null : DeadLetterConfig.builder().arn(config.digestDeadLetterArn()).build())
                .build();
        // A one-time digest would otherwise linger as a finished schedule and count against the account quota.
        ActionAfterCompletion afterCompletion = schedule.expression().kind() == ScheduleExpression.Kind.AT
                ? ActionAfterCompletion.DELETE : ActionAfterCompletion.NONE;
        FlexibleTimeWindow exact = FlexibleTimeWindow.builder().mode(FlexibleTimeWindowMode.OFF).build();
        call("create user schedule " + schedule.group() + "/" + schedule.name(), () -> {
            try {
                return client.createSchedule(create -> create
                        .name(schedule.name()).groupName(schedule.group())
                        .scheduleExpression(schedule.expression().text())
                        .scheduleExpressionTimezone(schedule.timezone())
                        .state(ScheduleState.ENABLED)
                        .flexibleTimeWindow(exact)
                        .actionAfterCompletion(afterCompletion)
                        .target(target));
            } catch (ConflictException exists) {
                return client.updateSchedule(update -> update
                        .name(schedule.name()).groupName(schedule.group())
                        .scheduleExpression(schedule.expression().text())
                        .scheduleExpressionTimezone(schedule.timezone())
                        .state(ScheduleState.ENABLED)
                        .flexibleTimeWindow(exact)
                        .actionAfterCompletion(afterCompletion)
                        .target(target));
            }
        });
    }

    @Override
    public boolean deleteUserSchedule(String group, String name) {
        return call("delete user schedule " + group + "/" + name, () -> {
            try {
                client.deleteSchedule(delete -> delete.groupName(group).name(name));
                return true;
            } catch (ResourceNotFoundException gone) {
                return false;
            }
        });
    }

    private ScheduleStatus changeState(ScheduleState wanted) {
        GetScheduleResponse current = readIngestionSchedule();
        if (wanted.toString().equals(current.stateAsString())) {
            return statusOf(current);
        }
        update(keepingEverything(current).state(wanted).build());
        return statusOf(current.toBuilder().state(wanted).build());
    }

    /** An update that writes back every field GetSchedule returned, ready to have one field changed. */
    private static UpdateScheduleRequest.Builder keepingEverything(GetScheduleResponse current) {
        return UpdateScheduleRequest.builder()
                .name(current.name())
                .groupName(current.groupName())
                .scheduleExpression(current.scheduleExpression())
                .scheduleExpressionTimezone(current.scheduleExpressionTimezone())
                .startDate(current.startDate())
                .endDate(current.endDate())
                .description(current.description())
                .state(current.stateAsString())
                .kmsKeyArn(current.kmsKeyArn())
                .flexibleTimeWindow(current.flexibleTimeWindow())
                .target(current.target())
                .actionAfterCompletion(current.actionAfterCompletionAsString());
    }

    private GetScheduleResponse readIngestionSchedule() {
        String where = config.ingestionScheduleGroup() + "/" + config.ingestionScheduleName();
        return call("read schedule " + where, () -> {
            try {
                return client.getSchedule(get -> get.name(config.ingestionScheduleName()).groupName(config.ingestionScheduleGroup()));
            } catch (ResourceNotFoundException e) {
                throw new ScheduleNotFoundException("The ingestion schedule " + where + " does not exist in EventBridge Scheduler.");
            }
        });
    }

    private void update(UpdateScheduleRequest request) {
        call("update schedule " + request.groupName() + "/" + request.name(), () -> client.updateSchedule(request));
    }

    private static <T> T call(String what, Supplier<T> action) {
        try {
            return action.get();
        } catch (ScheduleNotFoundException e) {
            throw e;
        } catch (ResourceNotFoundException e) {
            throw new ScheduleNotFoundException("EventBridge Scheduler could not " + what + ": it does not exist.");
        } catch (ValidationException e) {
            throw new ScheduleUnavailableException("EventBridge Scheduler refused to " + what + ": " + e.getMessage(), e);
        } catch (SdkException e) {
            throw new ScheduleUnavailableException("EventBridge Scheduler could not " + what + " (" + e.getClass().getSimpleName()
                    + "); read the schedule again before retrying.", e);
        }
    }

    private static ScheduleStatus statusOf(GetScheduleResponse schedule) {
        return new ScheduleStatus(schedule.name(), schedule.groupName(),
                !ScheduleState.DISABLED.toString().equals(schedule.stateAsString()),
                schedule.scheduleExpression(), schedule.scheduleExpressionTimezone());
    }
}
