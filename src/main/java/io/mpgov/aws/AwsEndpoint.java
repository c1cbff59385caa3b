package io.mpgov.aws;

import java.net.URI;

/**
 * An endpoint that every AWS client must use instead of AWS, published by whoever runs one (the
 * in-process sandbox). Its presence also means: sign with dummy credentials.
 */
public record AwsEndpoint(URI uri) {}
