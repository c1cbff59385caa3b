package io.mpgov.request;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * /requests and /requests/{requestId} (the link in every mail): one static page, which reads the path and asks
 * /api for the list or the request as the signed-in user. The page's own files have a dot in their names.
 */
@Controller
class RequestPages {

    @GetMapping({"/requests", "/requests/", "/requests/{requestId:[^.]+}"})
    String page() {
        return "forward:/requests/index.html";
    }
}
