package dev.fxalert.admin.auth;

import dev.fxalert.core.config.Secrets;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static dev.fxalert.admin.auth.AdminAuthenticator.Verdict.ALLOWED;
import static dev.fxalert.admin.auth.AdminAuthenticator.Verdict.DISABLED;
import static dev.fxalert.admin.auth.AdminAuthenticator.Verdict.MISSING;
import static dev.fxalert.admin.auth.AdminAuthenticator.Verdict.WRONG;
import static org.assertj.core.api.Assertions.assertThat;

class AdminAuthenticatorTest {

    private final AdminAuthenticator authenticator = AdminAuthenticator.of(Optional.of("s3cret-token"));

    @Test
    void acceptsTheConfiguredBearerTokenWhateverTheSchemeCase() {
        assertThat(authenticator.check("Bearer s3cret-token")).isEqualTo(ALLOWED);
        assertThat(authenticator.check("bearer s3cret-token ")).isEqualTo(ALLOWED);
    }

    @Test
    void refusesAnotherTokenIncludingPrefixesAndLongerOnes() {
        assertThat(authenticator.check("Bearer s3cret")).isEqualTo(WRONG);
        assertThat(authenticator.check("Bearer s3cret-token-and-more")).isEqualTo(WRONG);
        assertThat(authenticator.check("Bearer S3CRET-TOKEN")).isEqualTo(WRONG);
    }

    @Test
    void treatsNoHeaderAnEmptyTokenOrAnotherSchemeAsMissing() {
        assertThat(authenticator.check(null)).isEqualTo(MISSING);
        assertThat(authenticator.check("Bearer ")).isEqualTo(MISSING);
        assertThat(authenticator.check("Basic czNjcmV0LXRva2Vu")).isEqualTo(MISSING);
    }

    @Test
    void isDisabledWhenNoTokenIsConfiguredEvenIfOneIsSent() {
        AdminAuthenticator disabled = AdminAuthenticator.from(Secrets.of(Map.of()));

        assertThat(disabled.enabled()).isFalse();
        assertThat(disabled.check("Bearer anything")).isEqualTo(DISABLED);
        assertThat(AdminAuthenticator.from(Secrets.of(Map.of("ADMIN_API_TOKEN", "  "))).enabled()).isFalse();
    }

    @Test
    void readsTheTokenFromTheEnvironmentVariableAndNeverPrintsIt() {
        AdminAuthenticator fromEnv = AdminAuthenticator.from(Secrets.of(Map.of("ADMIN_API_TOKEN", "s3cret-token")));

        assertThat(fromEnv.check("Bearer s3cret-token")).isEqualTo(ALLOWED);
        assertThat(fromEnv.toString()).doesNotContain("s3cret");
    }
}
