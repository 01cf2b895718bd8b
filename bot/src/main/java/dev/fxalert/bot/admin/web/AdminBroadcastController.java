package dev.fxalert.bot.admin.web;

import dev.fxalert.admin.api.AdminServices;
import dev.fxalert.admin.broadcast.BroadcastReport;
import dev.fxalert.admin.broadcast.BroadcastRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "admin")
@SecurityRequirement(name = "bearer")
public class AdminBroadcastController {

    private final AdminServices services;

    public AdminBroadcastController(AdminServices services) {
        this.services = services;
    }

    @Operation(summary = "Send a maintenance text (1-4096 characters) to every active user, paced")
    @PostMapping("/admin/broadcast")
    public BroadcastReport broadcast(@RequestBody(required = false) BroadcastRequest request) {
        return services.broadcast().broadcast(request);
    }
}
