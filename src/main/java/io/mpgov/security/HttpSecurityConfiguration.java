package io.mpgov.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Camunda checks authorizations only for an authenticated caller, and its REST API authenticates
 * nobody by default: so both /engine-rest and mpgov's own /api require HTTP basic auth. In front of that,
 * what a hostile page in the user's browser could do is refused: making state-changing /api calls with
 * the credentials the browser remembers.
 */
@Configuration(proxyBeanMethods = false)
class HttpSecurityConfiguration {

    /** Cross-site refusals before basic auth (the default order). */
    private static final int CROSS_SITE = Ordered.LOWEST_PRECEDENCE - 1;

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("camunda-rest-basic-auth");
        registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        return registration;
    }

    /** Before authentication: a refused cross-site call neither checks a password nor counts as a failed login. */
    @Bean
    FilterRegistrationBean<CrossSiteRequestFilter> apiCrossSiteRequests() {
        FilterRegistrationBean<CrossSiteRequestFilter> registration = new FilterRegistrationBean<>(new CrossSiteRequestFilter());
        registration.setName("mpgov-api-cross-site-requests");
        registration.addUrlPatterns("/api/*");
        registration.setOrder(CROSS_SITE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ApiAuthenticationFilter> apiAuthentication(IdentityService identity) {
        FilterRegistrationBean<ApiAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ApiAuthenticationFilter(identity));
        registration.setName("mpgov-api-basic-auth");
        // /api/events authenticates by shared secret (EventBridge API destination), not by user.
        registration.addUrlPatterns("/api/requests", "/api/requests/*", "/api/reviews/*", "/api/audit/*", "/api/dashboard/*");
        return registration;
    }
}
