/**
 * The OpenAPI description of mpgov's own {@code /api} (springdoc: {@code /v3/api-docs}, Swagger UI): how a caller
 * signs in and the problem details the endpoints answer with. Imports no feature: each controller names its operations.
 */
@ApplicationModule(
        displayName = "API description",
        allowedDependencies = {})
package io.mpgov.openapi;

import org.springframework.modulith.ApplicationModule;
