package dev.fxalert.bot.local;

import dev.fxalert.admin.auth.AdminAuthenticator;
import dev.fxalert.core.config.Secrets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class AdminApiConfigurationTest {

    @Test
    void warnsAtStartUpThatTheAdminApiIsDisabledWithoutAToken(CapturedOutput output) {
        AdminAuthenticator authenticator = new AdminApiConfiguration().adminAuthenticator(secrets(Map.of()));

        assertThat(authenticator.enabled()).isFalse();
        assertThat(output).contains("WARN").contains("ADMIN_API_TOKEN is not set: the admin API is disabled");
    }

    @Test
    void logsOnlyThatTheTokenIsSetNeverTheToken(CapturedOutput output) {
        AdminAuthenticator authenticator = new AdminApiConfiguration()
                .adminAuthenticator(secrets(Map.of("ADMIN_API_TOKEN", "very-secret-value")));

        assertThat(authenticator.enabled()).isTrue();
        assertThat(output).contains("Admin API enabled").doesNotContain("very-secret-value");
    }

    private static org.springframework.beans.factory.ObjectProvider<Secrets> secrets(Map<String, String> values) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("secrets", Secrets.of(values));
        return beans.getBeanProvider(Secrets.class);
    }
}
