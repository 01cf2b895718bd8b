package dev.fxalert.bot.admin.web;

import dev.fxalert.admin.api.AdminServices;
import dev.fxalert.admin.users.UserView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "admin")
@SecurityRequirement(name = "bearer")
public class AdminUsersController {

    private final AdminServices services;

    public AdminUsersController(AdminServices services) {
        this.services = services;
    }

    /** The chat id arrives as text so the service gives the same 400 as the Lambda for a malformed one. */
    @Operation(summary = "A user by Telegram chat id, with their alerts")
    @GetMapping("/admin/users/{chatId}")
    public UserView user(@PathVariable String chatId) {
        return services.users().byChatId(chatId);
    }
}
