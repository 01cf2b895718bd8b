package dev.fxalert.bot.local;

import dev.fxalert.admin.auth.AdminAuthenticator;
import dev.fxalert.bot.admin.OperatorEndpointsFilter;
import dev.fxalert.core.config.Secrets;
import dev.fxalert.core.config.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import java.util.Locale;
import java.util.Optional;

/** Who may read {@code /actuator/prometheus} and the API description: see {@link OperatorEndpointsFilter}. */
@Configuration(proxyBeanMethods = false)
public class OperatorEndpointsConfiguration {

    static final String METRICS_TOKEN = "METRICS_TOKEN";
    static final String ADMIN_API_DOCS = "ADMIN_API_DOCS";
    private static final Logger log = LoggerFactory.getLogger(OperatorEndpointsConfiguration.class);

    @Bean
    FilterRegistrationBean<OperatorEndpointsFilter> operatorEndpointsFilter(ObjectProvider<Secrets> secrets,
                                                                           AdminAuthenticator admin,
                                                                           Settings settings) {
        Optional<String> token = secrets.getIfAvailable(Secrets::fromEnvironment).optional(METRICS_TOKEN);
        AdminAuthenticator metrics = AdminAuthenticator.of(token);
        String docsSetting = settings.text(ADMIN_API_DOCS, "public").toUpperCase(Locale.ROOT);
        OperatorEndpointsFilter.DocsAccess docs;
        try {
            docs = OperatorEndpointsFilter.DocsAccess.valueOf(docsSetting);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(ADMIN_API_DOCS + " must be public, token or off, got '"
                    + settings.text(ADMIN_API_DOCS, "public") + "'");
        }
        log.info("/actuator/prometheus is {}; the admin API description is {}.",
                metrics.enabled() ? "behind " + METRICS_TOKEN : "public (set " + METRICS_TOKEN + " to require a token)",
                switch (docs) {
                    case PUBLIC -> "public";
                    case TOKEN -> "behind " + AdminAuthenticator.TOKEN_VARIABLE;
                    case OFF -> "off";
                });
        FilterRegistrationBean<OperatorEndpointsFilter> registration =
                new FilterRegistrationBean<>(new OperatorEndpointsFilter(metrics, admin, docs));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.addUrlPatterns("/actuator/prometheus", "/admin-openapi.yaml", "/v3/api-docs", "/v3/api-docs/*",
                "/swagger-ui.html", "/swagger-ui/*");
        return registration;
    }
}
