package io.mpgov.openapi;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.hibernate.validator.constraints.Range;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;

/**
 * What every /api operation shares, added to the description by rule rather than repeated on each controller: the
 * two ways a person signs in, and the problem details (RFC 7807) an operation can answer with — 401 and 403 for
 * every user's operation, 400 where it takes a body or parameters, 404 where a path names something, 415 where it
 * takes a body. An operation
 * with its own security ({@code /api/events}) keeps it. Endpoints added later get all of this without a line here.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiDescription {

    static final String BASIC = "basicAuth";
    static final String SESSION = "camundaSession";
    static final String PROBLEM_JSON = "application/problem+json";
    /** CrossSiteRequestFilter's header: a state-changing call without a JSON body needs it. */
    static final String REQUESTED_BY = "X-Requested-By";

    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

    /** The problem responses, by status; operations refer to them by name. */
    enum Problem {
        BadRequest(
                "400",
                "The body or a parameter is invalid; nothing was started or changed. `errors` names each field that is"
                        + " wrong."),
        Unauthorized("401", "Not signed in: no, or wrong, credentials of this operation's security scheme."),
        Forbidden(
                "403",
                "Signed in, but not allowed: the caller is in none of the groups this operation serves, or the"
                        + " engine's authorizations refuse it. A state-changing call is refused, too, when it comes from"
                        + " another site's page (Origin, Sec-Fetch-Site) or has neither a JSON body nor "
                        + REQUESTED_BY + "."),
        NotFound("404", "Nothing of that id, or nothing the caller may see."),
        UnsupportedMediaType("415", "The body is not JSON (Content-Type: application/json)."),
        AwsRefused("502", "AWS refused a call mpgov needs; nothing was started or changed."),
        AwsUnavailable("503", "AWS is busy or failing; nothing was started or changed. Try again after Retry-After.");

        final String status;
        final String description;

        Problem(String status, String description) {
            this.status = status;
            this.description = description;
        }

        String ref() {
            return "#/components/responses/" + name();
        }
    }

    @Bean
    OpenApiCustomizer signInAndProblems(ServerProperties server) {
        String cookie = Optional.ofNullable(
                        server.getServlet().getSession().getCookie().getName())
                .orElse("JSESSIONID");
        return api -> {
            Components components = Optional.ofNullable(api.getComponents()).orElseGet(Components::new);
            api.setComponents(components);
            components.addSecuritySchemes(
                    BASIC,
                    new SecurityScheme()
                            .type(SecurityScheme.Type.HTTP)
                            .scheme("basic")
                            .description("A Camunda user of mpgov and its password (what scripts use). A failed"
                                    + " sign-in locks the user out for a few seconds, growing with each failure."));
            components.addSecuritySchemes(
                    SESSION,
                    new SecurityScheme()
                            .type(SecurityScheme.Type.APIKEY)
                            .in(SecurityScheme.In.COOKIE)
                            .name(cookie)
                            .description("The session of Camunda's webapps (sign in at /camunda/app/): the browser"
                                    + " sends it, so mpgov's pages and Tasklist share one sign-in."));
            api.addSecurityItem(new SecurityRequirement().addList(BASIC));
            api.addSecurityItem(new SecurityRequirement().addList(SESSION));
            ModelConverters.getInstance()
                    .readAll(new AnnotatedType(ProblemDetails.class))
                    .forEach(components::addSchemas);
            for (Problem problem : Problem.values()) {
                ApiResponse response = new ApiResponse()
                        .description(problem.description)
                        .content(new Content()
                                .addMediaType(
                                        PROBLEM_JSON,
                                        new MediaType()
                                                .schema(new Schema<>()
                                                        .$ref("#/components/schemas/" + ProblemDetails.NAME))));
                if (problem == Problem.AwsUnavailable) {
                    response.addHeaderObject(
                            "Retry-After",
                            new Header().description("seconds to wait").schema(new StringSchema()));
                }
                components.addResponses(problem.name(), response);
            }
        };
    }

    @Bean
    OperationCustomizer problemResponses() {
        return (operation, handler) -> {
            boolean person = operation.getSecurity() == null;
            boolean changes = STATE_CHANGING.contains(method(handler));
            ApiResponses responses = operation.getResponses();
            if (takesInput(handler)) {
                responses.putIfAbsent(Problem.BadRequest.status, ref(Problem.BadRequest));
            }
            responses.putIfAbsent(Problem.Unauthorized.status, ref(Problem.Unauthorized));
            if (person) {
                responses.putIfAbsent(Problem.Forbidden.status, ref(Problem.Forbidden));
            }
            if (has(handler, PathVariable.class)) {
                responses.putIfAbsent(Problem.NotFound.status, ref(Problem.NotFound));
            }
            if (has(handler, RequestBody.class)) {
                responses.putIfAbsent(Problem.UnsupportedMediaType.status, ref(Problem.UnsupportedMediaType));
            }
            if (person && changes && operation.getRequestBody() == null) {
                operation.addParametersItem(new HeaderParameter()
                        .name(REQUESTED_BY)
                        .required(true)
                        .description("Any value: proves the call does not come from another site's form (a"
                                + " state-changing call without a JSON body needs it).")
                        .schema(new StringSchema().example("mpgov")));
            }
            sortByStatus(operation);
            return operation;
        };
    }

    /**
     * Field rules the schema generator does not read: the {@code @Pattern} of a composed constraint ({@code @ProductId},
     * {@code @OuId}) and Hibernate's {@code @Range}. A pattern of words only ({@code PUBLIC|PRIVATE}) is an enum too,
     * which a generated client can type.
     */
    @Bean
    @SuppressWarnings("unchecked")
    PropertyCustomizer constraints() {
        return (schema, type) -> {
            for (Annotation annotation :
                    Optional.ofNullable(type.getCtxAnnotations()).orElse(new Annotation[0])) {
                Pattern composed = AnnotationUtils.findAnnotation(annotation.annotationType(), Pattern.class);
                if (composed != null && schema.getPattern() == null) {
                    schema.setPattern(composed.regexp());
                }
                if (annotation instanceof Range range) {
                    schema.setMinimum(BigDecimal.valueOf(range.min()));
                    schema.setMaximum(BigDecimal.valueOf(range.max()));
                }
            }
            if (schema.getPattern() != null && schema.getPattern().matches("[A-Z_]+(\\|[A-Z_]+)+")) {
                ((Schema<Object>) schema)
                        .setEnum(List.of((Object[]) schema.getPattern().split("\\|")));
            }
            return schema;
        };
    }

    private static ApiResponse ref(Problem problem) {
        return new ApiResponse().$ref(problem.ref());
    }

    private static void sortByStatus(Operation operation) {
        Map<String, ApiResponse> sorted = new TreeMap<>(operation.getResponses());
        ApiResponses responses = new ApiResponses();
        responses.putAll(sorted);
        operation.setResponses(responses);
    }

    private static String method(HandlerMethod handler) {
        RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
        return mapping == null || mapping.method().length == 0 ? "GET" : mapping.method()[0].name();
    }

    private static boolean takesInput(HandlerMethod handler) {
        return has(handler, RequestBody.class) || has(handler, RequestParam.class);
    }

    private static boolean has(HandlerMethod handler, Class<? extends Annotation> annotation) {
        return Arrays.stream(handler.getMethodParameters()).anyMatch(p -> p.hasParameterAnnotation(annotation));
    }
}
