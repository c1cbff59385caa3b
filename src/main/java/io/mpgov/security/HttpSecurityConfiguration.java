package io.mpgov.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Camunda checks authorizations only for an authenticated caller, and its REST API authenticates
 * nobody by default: so both /engine-rest and mpgov's own /api require HTTP basic auth.
 */
@Configuration(proxyBeanMethods = false)
class HttpSecurityConfiguration {

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("camunda-rest-basic-auth");
        registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
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
