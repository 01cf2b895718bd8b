package dev.fxalert.bot.admin.web;

import dev.fxalert.admin.api.AdminServices;
import dev.fxalert.admin.stats.AdminStats;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "admin")
@SecurityRequirement(name = "bearer")
public class AdminStatsController {

    private final AdminServices services;

    public AdminStatsController(AdminServices services) {
        this.services = services;
    }

    @Operation(summary = "Users, alerts by state, pushes of the last 24 h with lag, last ingestion per provider")
    @GetMapping("/admin/stats")
    public AdminStats stats() {
        return services.stats().stats();
    }
}
