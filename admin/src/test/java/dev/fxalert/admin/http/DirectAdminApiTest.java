package dev.fxalert.admin.http;

import dev.fxalert.admin.auth.AdminAuthenticator;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** The admin specification against the router called directly, as the webhook Lambda's {@code AdminRoute} does. */
class DirectAdminApiTest extends AdminApiContract {

    private final Map<Wiring, AdminHttpApi> mounts = new EnumMap<>(Wiring.class);

    @Override
    protected AdminHttpResponse send(Wiring wiring, AdminHttpRequest request) {
        return mounts.computeIfAbsent(wiring, w -> new AdminHttpApi(
                AdminAuthenticator.of(w == Wiring.DISABLED ? Optional.empty() : Optional.of(TOKEN)), services(w)))
                .handle(request);
    }
}
