package io.mpgov.request;

/** No such request, or none the caller may see (both answer 404, so ids cannot be probed). */
public class RequestNotFoundException extends RuntimeException {

    public RequestNotFoundException(String requestId) {
        super("No request " + requestId + " that you may see");
    }
}
