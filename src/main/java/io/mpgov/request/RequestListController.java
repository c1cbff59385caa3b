package io.mpgov.request;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/requests}: the requests the caller may see, newest first; {@code GET /api/tasks}: the tasks waiting
 * for the caller. Both a page at a time ({@link Paging}); a bad parameter is a 400 problem.
 */
@RestController
class RequestListController {

    private final RequestList lists;

    RequestListController(RequestList lists) {
        this.lists = lists;
    }

    /**
     * @param state open, finished or all (default)
     * @param mine  true: only the caller's own requests, also for those who may see all
     */
    @GetMapping("/api/requests")
    RequestList.Requests requests(
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size,
            @RequestParam(required = false) String state,
            @RequestParam(required = false) String mine) {
        return lists.requests(Paging.of(page, size), RequestList.State.of(state), flag("mine", mine));
    }

    @GetMapping("/api/tasks")
    RequestList.Tasks tasks(@RequestParam(required = false) String page, @RequestParam(required = false) String size) {
        return lists.tasks(Paging.of(page, size));
    }

    private static boolean flag(String name, String value) {
        if (value == null || value.isEmpty() || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw Paging.refused(name, "true or false");
    }
}
