package dev.fxalert.bot.admin.web;

import dev.fxalert.admin.api.AdminServices;
import dev.fxalert.admin.ingestion.IngestionRunView;
import dev.fxalert.admin.schedule.ScheduleChange;
import dev.fxalert.admin.schedule.ScheduleView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "admin")
@SecurityRequirement(name = "bearer")
public class AdminIngestionController {

    private final AdminServices services;

    public AdminIngestionController(AdminServices services) {
        this.services = services;
    }

    @Operation(summary = "Run one ingestion now and return its report")
    @PostMapping("/admin/ingestion/run")
    public IngestionRunView run() {
        return services.ingestion().runNow();
    }

    @Operation(summary = "Stop the ingestion schedule from firing")
    @PostMapping("/admin/ingestion/pause")
    public ScheduleView pause() {
        return services.ingestion().pause();
    }

    @Operation(summary = "Let the ingestion schedule fire again")
    @PostMapping("/admin/ingestion/resume")
    public ScheduleView resume() {
        return services.ingestion().resume();
    }

    @Operation(summary = "The ingestion schedule's state and expression")
    @GetMapping("/admin/ingestion/schedule")
    public ScheduleView schedule() {
        return services.ingestion().describe();
    }

    @Operation(summary = "Change when ingestion runs: rate(N minutes|hours|days), cron(6 fields) or at(yyyy-mm-ddThh:mm:ss)")
    @PutMapping("/admin/ingestion/schedule")
    public ScheduleView changeSchedule(@RequestBody(required = false) ScheduleChange change) {
        return services.ingestion().changeSchedule(change);
    }
}
