package io.mpgov.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks one HTTP exchange against the botocore model of the operation it is: the request as the SDK sent
 * it (target or method and path, locations, body) and the answer (status, body, error shape). Required
 * members, types, enums, patterns, lengths and ranges; members the model does not know are problems too.
 */
final class WireContract {

    /** AWS's common errors (API reference, "Common Errors") and the protocol's own: any operation may answer them. */
    static final Set<String> COMMON_ERRORS = Set.of(
            "AccessDeniedException",
            "IncompleteSignature",
            "InternalFailure",
            "InvalidAction",
            "InvalidClientTokenId",
            "NotAuthorized",
            "OptInRequired",
            "RequestExpired",
            "ServiceUnavailable",
            "ThrottlingException",
            "ValidationError",
            "UnrecognizedClientException",
            "MissingAuthenticationTokenException",
            "SerializationException",
            "UnknownOperationException");

    /**
     * Where a model contradicts its own documentation and AWS's behaviour: the pattern that holds instead, and why.
     * Keep this short; every entry is a place the oracle is overruled.
     */
    static final Map<String, String[]> PATTERN_ERRATA = Map.of(
            "marketplace-catalog EntityType",
                    new String[] {
                        "^[a-zA-Z]+(@\\d+\\.\\d+)?$",
                        "the model's own documentation of DescribeEntity's EntityType says 'in the format of EntityType@Version', and the"
                                + " Catalog API reference (private-marketplace.html) sends Entity Type 'Experience@1.0' in every change set"
                    },
            "marketplace-catalog EntityNameString",
                    new String[] {
                        "^\\S+[\\S\\s]*",
                        "the model escapes this pattern twice ('^\\\\S+…' asks for a backslash); AWS names entities with spaces"
                    });

    /** What went over the wire, as the recording proxy saw it. */
    record Exchange(
            String method,
            String path,
            String rawQuery,
            Map<String, List<String>> requestHeaders,
            byte[] requestBody,
            int status,
            Map<String, List<String>> responseHeaders,
            byte[] responseBody) {

        Optional<String> requestHeader(String name) {
            return header(requestHeaders, name);
        }

        Optional<String> responseHeader(String name) {
            return header(responseHeaders, name);
        }

        private static Optional<String> header(Map<String, List<String>> headers, String name) {
            return headers.entrySet().stream()
                    .filter(h ->
                            h.getKey().equalsIgnoreCase(name) && !h.getValue().isEmpty())
                    .map(h -> h.getValue().get(0))
                    .findFirst();
        }
    }

    /** The verdict on one exchange: which operation it was, its request as botocore parameters, the problems. */
    record Checked(
            String service,
            String operation,
            Exchange exchange,
            ObjectNode params,
            String errorCode,
            List<String> problems) {
        String name() {
            return service + " " + operation;
        }
    }

    private final Map<String, JsonNode> models;

    /** @param models botocore service name → its service-2 model */
    WireContract(Map<String, JsonNode> models) {
        this.models = models;
    }

    static WireContract ofBotocore() throws IOException {
        Map<String, JsonNode> models = new LinkedHashMap<>();
        for (AwsServices s : AwsServices.ALL) {
            models.put(s.botocoreName(), Botocore.model(s.botocoreName()));
        }
        return new WireContract(models);
    }

    Checked check(Exchange e) {
        List<String> problems = new ArrayList<>();
        ObjectNode params = JsonNodeFactory.instance.objectNode();
        String target = e.requestHeader("X-Amz-Target").orElse(null);
        String service = null;
        String operation = null;
        Matcher uri = null;
        if (target != null) {
            int dot = target.lastIndexOf('.');
            for (Map.Entry<String, JsonNode> m : models.entrySet()) {
                if (dot > 0
                        && target.substring(0, dot)
                                .equals(m.getValue()
                                        .path("metadata")
                                        .path("targetPrefix")
                                        .asText())) {
                    service = m.getKey();
                    operation = target.substring(dot + 1);
                }
            }
        } else {
            for (Map.Entry<String, JsonNode> m : models.entrySet()) {
                if (!m.getValue().path("metadata").path("protocol").asText().equals("rest-json")) {
                    continue;
                }
                for (Iterator<Map.Entry<String, JsonNode>> ops =
                                m.getValue().path("operations").fields();
                        ops.hasNext(); ) {
                    Map.Entry<String, JsonNode> op = ops.next();
                    JsonNode http = op.getValue().path("http");
                    Matcher match =
                            pathPattern(http.path("requestUri").asText()).matcher(e.path());
                    if (http.path("method").asText().equals(e.method()) && match.matches()) {
                        service = m.getKey();
                        operation = op.getKey();
                        uri = match;
                    }
                }
            }
        }
        JsonNode model = service == null ? null : models.get(service);
        JsonNode op = model == null ? null : model.path("operations").get(operation);
        if (op == null) {
            problems.add("no operation of the models is "
                    + (target != null ? "X-Amz-Target " + target : e.method() + " " + e.path()));
            return new Checked(String.valueOf(service), String.valueOf(operation), e, params, null, problems);
        }
        Shapes shapes = new Shapes(service, model.path("shapes"), problems);
        String protocol = model.path("metadata").path("protocol").asText();
        if (protocol.equals("json")) {
            checkJsonRequest(e, model, op, shapes, params, problems);
        } else {
            checkRestJsonRequest(e, op, uri, shapes, params, problems);
        }
        String contentType = protocol.equals("json")
                ? "application/x-amz-json-"
                        + model.path("metadata").path("jsonVersion").asText()
                : "application/json";
        if (e.responseBody().length > 0
                && !e.responseHeader("Content-Type").orElse("").startsWith(contentType)) {
            problems.add("response: Content-Type "
                    + e.responseHeader("Content-Type").orElse("none") + ", not " + contentType);
        }
        if (protocol.equals("rest-json")
                && e.requestBody().length > 0
                && !e.requestHeader("Content-Type").orElse("").startsWith("application/json")) {
            problems.add("request: Content-Type "
                    + e.requestHeader("Content-Type").orElse("none") + ", not application/json");
        }
        String errorCode = null;
        if (e.status() >= 300) {
            errorCode = checkError(e, protocol, op, shapes, problems);
        } else {
            checkResponse(e, protocol, op, shapes, problems);
        }
        return new Checked(service, operation, e, params, errorCode, problems);
    }

    private static Pattern pathPattern(String requestUri) {
        String path = requestUri.contains("?") ? requestUri.substring(0, requestUri.indexOf('?')) : requestUri;
        StringBuilder regex = new StringBuilder();
        Matcher label = Pattern.compile("\\{([A-Za-z0-9_]+)(\\+?)}").matcher(path);
        int last = 0;
        while (label.find()) {
            regex.append(Pattern.quote(path.substring(last, label.start())))
                    .append("(?<")
                    .append(label.group(1).replace("_", ""))
                    .append(">")
                    .append(label.group(2).isEmpty() ? "[^/]+" : ".+")
                    .append(")");
            last = label.end();
        }
        regex.append(Pattern.quote(path.substring(last)));
        return Pattern.compile(regex.toString());
    }

    // ---- requests

    private void checkJsonRequest(
            Exchange e, JsonNode model, JsonNode op, Shapes shapes, ObjectNode params, List<String> problems) {
        String contentType = "application/x-amz-json-"
                + model.path("metadata").path("jsonVersion").asText();
        if (!e.method().equals("POST") || !e.path().equals("/")) {
            problems.add("request: awsJson is POST /, was " + e.method() + " " + e.path());
        }
        if (!e.requestHeader("Content-Type").orElse("").startsWith(contentType)) {
            problems.add(
                    "request: Content-Type " + e.requestHeader("Content-Type").orElse("none") + ", not " + contentType);
        }
        JsonNode body = parse(e.requestBody(), "request", problems);
        if (op.has("input") && body != null) {
            shapes.value(body, op.path("input"), "request", "unixTimestamp");
            params.setAll(body.isObject() ? (ObjectNode) body : JsonNodeFactory.instance.objectNode());
        }
    }

    private void checkRestJsonRequest(
            Exchange e, JsonNode op, Matcher uri, Shapes shapes, ObjectNode params, List<String> problems) {
        JsonNode input =
                op.has("input") ? shapes.shape(op.path("input").path("shape").asText()) : null;
        Map<String, List<String>> query = query(e.rawQuery());
        Map<String, String> literal = query(
                        queryOf(op.path("http").path("requestUri").asText()))
                .entrySet()
                .stream()
                .collect(java.util.stream.Collectors.toMap(
                        Map.Entry::getKey, q -> q.getValue().get(0)));
        literal.keySet().forEach(query::remove);
        JsonNode body = e.requestBody().length == 0 ? null : parse(e.requestBody(), "request", problems);
        if (input == null) {
            return;
        }
        ObjectNode bodyMembers = JsonNodeFactory.instance.objectNode();
        String payload = input.path("payload").asText(null);
        Map<String, JsonNode> members = fields(input.path("members"));
        for (Map.Entry<String, JsonNode> m : members.entrySet()) {
            JsonNode ref = m.getValue();
            String where = "request " + m.getKey();
            String wireName = ref.path("locationName").asText(m.getKey());
            switch (ref.path("location").asText("")) {
                case "uri" -> {
                    String value = uri.group(wireName.replace("_", ""));
                    JsonNode v = shapes.fromText(URLDecoder.decode(value, StandardCharsets.UTF_8), ref, where);
                    shapes.value(v, ref, where, "iso8601");
                    params.set(m.getKey(), v);
                }
                case "querystring" -> {
                    JsonNode shape = shapes.shape(ref.path("shape").asText());
                    if (shape.path("type").asText().equals("map")) {
                        ObjectNode map = JsonNodeFactory.instance.objectNode();
                        query.forEach((k, v) -> map.put(k, v.get(0)));
                        query.clear();
                        if (!map.isEmpty()) {
                            shapes.value(map, ref, where, "iso8601");
                            params.set(m.getKey(), map);
                        }
                    } else if (query.containsKey(wireName)) {
                        List<String> values = query.remove(wireName);
                        JsonNode v;
                        if (shape.path("type").asText().equals("list")) {
                            v = JsonNodeFactory.instance.arrayNode();
                            for (String one : values) {
                                ((com.fasterxml.jackson.databind.node.ArrayNode) v)
                                        .add(shapes.fromText(one, shape.path("member"), where));
                            }
                        } else {
                            if (values.size() > 1) {
                                problems.add(
                                        where + ": query parameter " + wireName + " sent " + values.size() + " times");
                            }
                            v = shapes.fromText(values.get(0), ref, where);
                        }
                        shapes.value(v, ref, where, "iso8601");
                        params.set(m.getKey(), v);
                    }
                }
                case "header", "headers" ->
                    e.requestHeader(wireName).ifPresent(h -> {
                        JsonNode v = shapes.fromText(h, ref, where);
                        shapes.value(v, ref, where, "rfc822");
                        params.set(m.getKey(), v);
                    });
                default -> {
                    if (m.getKey().equals(payload)) {
                        if (body != null) {
                            shapes.value(body, ref, where, "unixTimestamp");
                            params.set(m.getKey(), body);
                        }
                    } else if (body != null && body.has(wireName)) {
                        bodyMembers.set(m.getKey(), body.get(wireName));
                    }
                }
            }
        }
        if (!query.isEmpty()) {
            problems.add("request: query parameters the model does not know: " + query.keySet());
        }
        if (payload == null && body != null) {
            checkBody(body, op.path("input").path("shape").asText(), members, bodyMembers, "request", shapes);
            params.setAll(bodyMembers);
        }
        for (JsonNode required : input.path("required")) {
            if (!params.hasNonNull(required.asText())) {
                problems.add("request: required member " + required.asText() + " is missing");
            }
        }
    }

    /** The body of a restJson message: the members without a location, each checked; unknown ones are problems. */
    private static void checkBody(
            JsonNode body,
            String shapeName,
            Map<String, JsonNode> members,
            ObjectNode named,
            String where,
            Shapes shapes) {
        if (!body.isObject()) {
            shapes.problems.add(where + ": body is not a JSON object");
            return;
        }
        Map<String, String> byWire = new TreeMap<>();
        members.forEach((name, ref) -> {
            if (!ref.has("location")) {
                byWire.put(ref.path("locationName").asText(name), name);
            }
        });
        body.fields().forEachRemaining(f -> {
            String name = byWire.get(f.getKey());
            if (name == null) {
                shapes.problems.add(
                        where + "." + f.getKey() + ": not a member of " + shapeName + " " + members.keySet());
            } else if (!f.getValue().isNull()) {
                shapes.value(f.getValue(), members.get(name), where + "." + f.getKey(), "unixTimestamp");
                named.set(name, f.getValue());
            }
        });
    }

    // ---- responses

    private void checkResponse(Exchange e, String protocol, JsonNode op, Shapes shapes, List<String> problems) {
        int expected = op.path("http").path("responseCode").asInt(200);
        if (e.status() != expected) {
            problems.add("response: status " + e.status() + ", the model says " + expected);
        }
        if (!op.has("output")) {
            return;
        }
        JsonNode body = parse(e.responseBody(), "response", problems);
        if (body == null) {
            return;
        }
        if (protocol.equals("json")) {
            shapes.value(body, op.path("output"), "response", "unixTimestamp");
            return;
        }
        JsonNode output = shapes.shape(op.path("output").path("shape").asText());
        Map<String, JsonNode> members = fields(output.path("members"));
        String payload = output.path("payload").asText(null);
        ObjectNode present = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> m : members.entrySet()) {
            JsonNode ref = m.getValue();
            String wireName = ref.path("locationName").asText(m.getKey());
            switch (ref.path("location").asText("")) {
                case "header" ->
                    e.responseHeader(wireName).ifPresent(h -> {
                        JsonNode v = shapes.fromText(h, ref, "response " + m.getKey());
                        shapes.value(v, ref, "response " + m.getKey(), "rfc822");
                        present.set(m.getKey(), v);
                    });
                case "statusCode" -> present.put(m.getKey(), e.status());
                default -> {
                    if (m.getKey().equals(payload)) {
                        shapes.value(body, ref, "response " + m.getKey(), "unixTimestamp");
                        present.set(m.getKey(), body);
                    }
                }
            }
        }
        if (payload == null) {
            checkBody(body, op.path("output").path("shape").asText(), members, present, "response", shapes);
        }
        for (JsonNode required : output.path("required")) {
            if (!present.hasNonNull(required.asText())) {
                problems.add("response: required member " + required.asText() + " is missing");
            }
        }
    }

    private String checkError(Exchange e, String protocol, JsonNode op, Shapes shapes, List<String> problems) {
        JsonNode body = e.responseBody().length == 0
                ? JsonNodeFactory.instance.objectNode()
                : parse(e.responseBody(), "error", problems);
        String code = e.responseHeader("x-amzn-ErrorType").orElse(null);
        if (code == null && body != null) {
            code = body.has("__type")
                    ? body.get("__type").asText()
                    : body.path("code").asText(null);
        }
        if (code == null) {
            problems.add("error " + e.status() + ": names no error (neither x-amzn-ErrorType nor __type)");
            return null;
        }
        code = code.replaceAll(":.*", "").replaceAll(".*#", "");
        if (protocol.equals("json") && body != null && !body.has("__type")) {
            problems.add("error " + code + ": an awsJson error body names its __type");
        }
        JsonNode errorShape = null;
        for (JsonNode ref : op.path("errors")) {
            JsonNode shape = shapes.shape(ref.path("shape").asText());
            if (ref.path("shape").asText().equals(code)
                    || shape.path("error").path("code").asText().equals(code)) {
                errorShape = shape;
            }
        }
        if (errorShape == null) {
            if (!COMMON_ERRORS.contains(code)) {
                problems.add("error " + code + ": not an error the operation declares " + declaredErrors(op)
                        + " nor a common one");
            }
            return code;
        }
        int declared = errorShape.path("error").path("httpStatusCode").asInt(0);
        if (declared != 0 && declared != e.status()) {
            problems.add("error " + code + ": status " + e.status() + ", the model says " + declared);
        }
        if (body != null && body.isObject()) {
            Map<String, JsonNode> members = fields(errorShape.path("members"));
            ObjectNode fields = ((ObjectNode) body).deepCopy();
            fields.remove(List.of("__type", "code"));
            // Every error carries its message as "message" or "Message", whether the model lists it or not (SES's
            // do not): botocore and the Java SDK read both spellings. It must be a string.
            for (String spelling : List.of("message", "Message")) {
                String modelled = members.keySet().stream()
                        .filter(n -> n.equalsIgnoreCase("message"))
                        .findFirst()
                        .orElse(null);
                if (fields.has(spelling) && (modelled == null || !modelled.equals(spelling))) {
                    JsonNode message = fields.remove(spelling);
                    if (!message.isTextual()) {
                        problems.add("error " + code + "." + spelling + ": not a string");
                    }
                }
            }
            checkBody(fields, code, members, JsonNodeFactory.instance.objectNode(), "error " + code, shapes);
        }
        return code;
    }

    private static List<String> declaredErrors(JsonNode op) {
        List<String> names = new ArrayList<>();
        op.path("errors").forEach(r -> names.add(r.path("shape").asText()));
        return names;
    }

    // ---- helpers

    private static JsonNode parse(byte[] bytes, String where, List<String> problems) {
        if (bytes.length == 0) {
            return JsonNodeFactory.instance.objectNode();
        }
        try {
            return Botocore.JSON.readTree(bytes);
        } catch (IOException ex) {
            problems.add(where + ": body is not JSON: " + ex.getMessage());
            return null;
        }
    }

    private static String queryOf(String uri) {
        return uri.contains("?") ? uri.substring(uri.indexOf('?') + 1) : null;
    }

    static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (raw != null && !raw.isEmpty()) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                params.computeIfAbsent(key, k -> new ArrayList<>())
                        .add(eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    static Map<String, JsonNode> fields(JsonNode object) {
        Map<String, JsonNode> map = new LinkedHashMap<>();
        object.fields().forEachRemaining(f -> map.put(f.getKey(), f.getValue()));
        return map;
    }

    /** A model's shapes and the checks of a value against one. */
    static final class Shapes {
        final String service;
        final JsonNode shapes;
        final List<String> problems;

        Shapes(String service, JsonNode shapes, List<String> problems) {
            this.service = service;
            this.shapes = shapes;
            this.problems = problems;
        }

        JsonNode shape(String name) {
            JsonNode shape = shapes.get(name);
            if (shape == null) {
                throw new IllegalStateException("The model has no shape " + name);
            }
            return shape;
        }

        /** A value from a URI label, query string or header, typed as the JSON body would carry it. */
        JsonNode fromText(String text, JsonNode ref, String where) {
            JsonNode shape = shape(ref.path("shape").asText());
            JsonNodeFactory f = JsonNodeFactory.instance;
            try {
                return switch (shape.path("type").asText()) {
                    case "integer", "long" -> f.numberNode(Long.parseLong(text));
                    case "float", "double" -> f.numberNode(Double.parseDouble(text));
                    case "boolean" -> {
                        if (!text.equals("true") && !text.equals("false")) {
                            problems.add(where + ": '" + text + "' is not a boolean");
                        }
                        yield f.booleanNode(Boolean.parseBoolean(text));
                    }
                    default -> f.textNode(text);
                };
            } catch (NumberFormatException e) {
                problems.add(where + ": '" + text + "' is not a number");
                return f.textNode(text);
            }
        }

        /** Checks a value against a member or shape reference; timestamps in {@code timestampDefault} unless the model says. */
        void value(JsonNode value, JsonNode ref, String where, String timestampDefault) {
            String name = ref.path("shape").asText();
            JsonNode shape = shape(name);
            String type = shape.path("type").asText();
            if (value == null || value.isNull()) {
                return;
            }
            switch (type) {
                case "structure" -> structure(value, name, shape, where, timestampDefault);
                case "list" -> {
                    if (!value.isArray()) {
                        problems.add(where + ": " + kind(value) + " where the model has a list (" + name + ")");
                        return;
                    }
                    range(value.size(), shape, where, "items");
                    for (int i = 0; i < value.size(); i++) {
                        if (value.get(i).isNull() && !shape.path("sparse").asBoolean()) {
                            problems.add(where + "[" + i + "]: null in a list that is not sparse");
                        }
                        value(value.get(i), shape.path("member"), where + "[" + i + "]", timestampDefault);
                    }
                }
                case "map" -> {
                    if (!value.isObject()) {
                        problems.add(where + ": " + kind(value) + " where the model has a map (" + name + ")");
                        return;
                    }
                    range(value.size(), shape, where, "entries");
                    value.fields().forEachRemaining(entry -> {
                        value(
                                JsonNodeFactory.instance.textNode(entry.getKey()),
                                shape.path("key"),
                                where + " key " + entry.getKey(),
                                timestampDefault);
                        value(entry.getValue(), shape.path("value"), where + "." + entry.getKey(), timestampDefault);
                    });
                }
                case "string" -> {
                    if (!value.isTextual()) {
                        problems.add(where + ": " + kind(value) + " where the model has a string (" + name + ")");
                        return;
                    }
                    string(value.asText(), name, shape, where);
                }
                case "integer", "long" -> {
                    if (!value.isIntegralNumber() || type.equals("integer") && !value.canConvertToInt()) {
                        problems.add(
                                where + ": " + kind(value) + " where the model has an " + type + " (" + name + ")");
                        return;
                    }
                    numberRange(value.asDouble(), shape, where);
                }
                case "float", "double" -> {
                    if (!value.isNumber()
                            && !(value.isTextual()
                                    && Set.of("NaN", "Infinity", "-Infinity").contains(value.asText()))) {
                        problems.add(where + ": " + kind(value) + " where the model has a " + type + " (" + name + ")");
                        return;
                    }
                    numberRange(value.asDouble(), shape, where);
                }
                case "boolean" -> {
                    if (!value.isBoolean()) {
                        problems.add(where + ": " + kind(value) + " where the model has a boolean (" + name + ")");
                    }
                }
                case "timestamp" ->
                    timestamp(
                            value,
                            ref.path("timestampFormat")
                                    .asText(shape.path("timestampFormat").asText(timestampDefault)),
                            where);
                case "blob" -> {
                    if (!value.isTextual()) {
                        problems.add(where + ": " + kind(value) + " where the model has a blob (base64)");
                        return;
                    }
                    try {
                        range(Base64.getDecoder().decode(value.asText()).length, shape, where, "bytes");
                    } catch (IllegalArgumentException e) {
                        problems.add(where + ": blob is not base64");
                    }
                }
                default -> problems.add(where + ": the checker knows no shape type " + type);
            }
        }

        private void structure(JsonNode value, String name, JsonNode shape, String where, String timestampDefault) {
            if (shape.path("document").asBoolean()) {
                return;
            }
            if (!value.isObject()) {
                problems.add(where + ": " + kind(value) + " where the model has the structure " + name);
                return;
            }
            JsonNode members = shape.path("members");
            int set = 0;
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode member = null;
                for (Iterator<Map.Entry<String, JsonNode>> m = members.fields(); m.hasNext(); ) {
                    Map.Entry<String, JsonNode> candidate = m.next();
                    if (candidate
                            .getValue()
                            .path("locationName")
                            .asText(candidate.getKey())
                            .equals(field.getKey())) {
                        member = candidate.getValue();
                    }
                }
                if (member == null) {
                    problems.add(where + "." + field.getKey() + ": not a member of " + name + " "
                            + fields(members).keySet());
                    continue;
                }
                if (!field.getValue().isNull()) {
                    set++;
                }
                value(field.getValue(), member, where + "." + field.getKey(), timestampDefault);
            }
            for (JsonNode required : shape.path("required")) {
                String wire =
                        members.path(required.asText()).path("locationName").asText(required.asText());
                if (!value.hasNonNull(wire)) {
                    problems.add(where + ": required member " + required.asText() + " of " + name + " is missing");
                }
            }
            if (shape.path("union").asBoolean() && set != 1) {
                problems.add(where + ": the union " + name + " has " + set + " members set, not exactly one");
            }
        }

        private void string(String text, String name, JsonNode shape, String where) {
            if (shape.has("enum")) {
                List<String> values = new ArrayList<>();
                shape.path("enum").forEach(v -> values.add(v.asText()));
                if (!values.contains(text)) {
                    problems.add(where + ": '" + abbreviated(text) + "' is none of " + name + "'s values " + values);
                }
            }
            range(text.codePointCount(0, text.length()), shape, where, "characters");
            if (shape.has("pattern")) {
                String[] erratum = PATTERN_ERRATA.get(service + " " + name);
                String pattern =
                        erratum != null ? erratum[0] : shape.path("pattern").asText();
                try {
                    if (!Pattern.compile(pattern).matcher(text).find()) {
                        problems.add(where + ": '" + abbreviated(text) + "' does not match " + name + "'s pattern "
                                + pattern);
                    }
                } catch (PatternSyntaxException e) {
                    // An ECMAScript pattern Java cannot read: the other checks still hold.
                }
            }
        }

        private void range(int size, JsonNode shape, String where, String unit) {
            if (shape.has("min") && size < shape.path("min").asLong()) {
                problems.add(where + ": " + size + " " + unit + ", fewer than the model's min "
                        + shape.path("min").asLong());
            }
            if (shape.has("max") && size > shape.path("max").asLong()) {
                problems.add(where + ": " + size + " " + unit + ", more than the model's max "
                        + shape.path("max").asLong());
            }
        }

        private void numberRange(double number, JsonNode shape, String where) {
            if (shape.has("min") && number < shape.path("min").asDouble()) {
                problems.add(where + ": " + number + " is below the model's min "
                        + shape.path("min").asText());
            }
            if (shape.has("max") && number > shape.path("max").asDouble()) {
                problems.add(where + ": " + number + " is above the model's max "
                        + shape.path("max").asText());
            }
        }

        private void timestamp(JsonNode value, String format, String where) {
            switch (format) {
                case "unixTimestamp" -> {
                    if (!value.isNumber()) {
                        problems.add(where + ": " + kind(value) + " where the model has a timestamp in epoch seconds");
                    }
                }
                case "iso8601" -> {
                    try {
                        Instant.parse(value.asText());
                    } catch (DateTimeParseException e) {
                        problems.add(where + ": '" + value.asText() + "' is not an ISO 8601 timestamp");
                    }
                }
                case "rfc822" -> {
                    try {
                        ZonedDateTime.parse(value.asText(), DateTimeFormatter.RFC_1123_DATE_TIME);
                    } catch (DateTimeParseException e) {
                        problems.add(where + ": '" + value.asText() + "' is not an RFC 822 timestamp");
                    }
                }
                default -> problems.add(where + ": unknown timestamp format " + format);
            }
        }

        private static String kind(JsonNode value) {
            return value.getNodeType().name().toLowerCase() + " " + abbreviated(value.toString());
        }

        private static String abbreviated(String text) {
            return text.length() > 80 ? text.substring(0, 77) + "..." : text;
        }
    }
}
