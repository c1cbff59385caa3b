package io.mpgov.security;

import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Camunda checks authorizations only for an authenticated caller, and its REST API authenticates
 * nobody by default: so both /engine-rest and mpgov's own /api require HTTP basic auth. In front of that,
 * what a hostile page in the user's browser could do is refused: framing mpgov's pages, and making
 * state-changing /api calls with the credentials the browser remembers.
 */
@Configuration(proxyBeanMethods = false)
class HttpSecurityConfiguration {

    /** Security headers first, so that every answer carries them; then cross-site refusals; basic auth last (the default order). */
    private static final int HEADERS = Ordered.LOWEST_PRECEDENCE - 2;

    private static final int CROSS_SITE = Ordered.LOWEST_PRECEDENCE - 1;

    /** Camunda's basic auth, whose HttpBasicAuthenticationProvider mpgov's /api uses too (ApiAuthenticationFilter). */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("camunda-rest-basic-auth");
        registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        return registration;
    }

    /**
     * Before authentication (of /api and of /engine-rest): a refused cross-site call neither checks a password nor
     * counts as a failed login. The webapps' session API has Camunda's own CSRF token.
     */
    @Bean
    FilterRegistrationBean<CrossSiteRequestFilter> apiCrossSiteRequests() {
        FilterRegistrationBean<CrossSiteRequestFilter> registration =
                new FilterRegistrationBean<>(new CrossSiteRequestFilter());
        registration.setName("mpgov-api-cross-site-requests");
        // /engine-rest too: a cross-site multipart POST with an administrator's remembered credentials deploys a model
        registration.addUrlPatterns("/api/*", "/engine-rest/*");
        registration.setOrder(CROSS_SITE);
        return registration;
    }

    /**
     * mpgov's pages and API, and the API's description with its Swagger UI, may not be framed (clickjacking) nor have
     * their content type guessed.
     */
    @Bean
    FilterRegistrationBean<ResponseHeadersFilter> ownSecurityHeaders() {
        FilterRegistrationBean<ResponseHeadersFilter> registration =
                new FilterRegistrationBean<>(new ResponseHeadersFilter(Map.of(
                        "Content-Security-Policy",
                        "frame-ancestors 'none'",
                        "X-Frame-Options",
                        "DENY",
                        "X-Content-Type-Options",
                        "nosniff")));
        registration.setName("mpgov-security-headers");
        registration.addUrlPatterns(
                "/dashboard/*", "/requests/*", "/common/*", "/api/*", "/v3/*", "/swagger-ui/*", "/swagger-ui.html");
        registration.setOrder(HEADERS);
        return registration;
    }

    /**
     * Camunda's webapps send their own Content-Security-Policy (with frame-ancestors 'none') and nosniff
     * (camunda.bpm.webapp.header-security), but no X-Frame-Options, which browsers without CSP level 2 need.
     */
    @Bean
    FilterRegistrationBean<ResponseHeadersFilter> camundaWebappFraming() {
        FilterRegistrationBean<ResponseHeadersFilter> registration =
                new FilterRegistrationBean<>(new ResponseHeadersFilter(Map.of("X-Frame-Options", "DENY")));
        registration.setName("camunda-webapp-x-frame-options");
        registration.addUrlPatterns("/camunda/*");
        registration.setOrder(HEADERS);
        return registration;
    }

    /** The engine's REST APIs answer a refused submission as the caller's mistake (400), with mpgov's message. */
    @Bean
    FilterRegistrationBean<CallerMistakes> engineCallerMistakes() {
        FilterRegistrationBean<CallerMistakes> registration = new FilterRegistrationBean<>(new CallerMistakes());
        registration.setName("mpgov-engine-caller-mistakes");
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        return registration;
    }

    @Bean
    FilterRegistrationBean<ApiAuthenticationFilter> apiAuthentication(ProcessEngine engine) {
        FilterRegistrationBean<ApiAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ApiAuthenticationFilter(engine));
        registration.setName("mpgov-api-basic-auth");
        registration.addUrlPatterns("/api/*");
        return registration;
    }

    /** Every /api handler asks the access policy (ApiPolicyGuard), after authentication. */
    @Bean
    WebMvcConfigurer apiPolicyGuard(IdentityService identity) {
        ApiPolicyGuard guard = new ApiPolicyGuard(AccessPolicy.standard(), identity);
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(guard).addPathPatterns("/api/**");
            }
        };
    }
}
