package dev.fxalert.bot.admin.web;

import dev.fxalert.admin.alerts.AlertListView;
import dev.fxalert.admin.api.AdminServices;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "admin")
@SecurityRequirement(name = "bearer")
public class AdminAlertsController {

    private final AdminServices services;

    public AdminAlertsController(AdminServices services) {
        this.services = services;
    }

    /** Parameters arrive as text so validation (and its messages) is the service's, shared with the Lambda. */
    @Operation(summary = "Alerts filtered by pair and state, one page at a time")
    @GetMapping("/admin/alerts")
    public AlertListView alerts(
            @Parameter(description = "e.g. USD/KRW") @RequestParam(required = false) String pair,
            @Parameter(description = "ARMED, FIRED or PAUSED") @RequestParam(required = false) String state,
            @Parameter(description = "nextCursor of the previous page") @RequestParam(required = false) String cursor,
            @Parameter(description = "1-100, default 20") @RequestParam(required = false) String limit) {
        return services.alerts().list(pair, state, cursor, limit);
    }

    @Operation(summary = "Pushes given up with a reason (permanent 400, unknown outcome, every round failed), newest first")
    @GetMapping("/admin/alerts/dead-letters")
    public AlertListView deadLetters(
            @Parameter(description = "1-100, default 20") @RequestParam(required = false) String limit) {
        return services.alerts().deadLetters(limit);
    }
}
