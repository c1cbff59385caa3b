package io.mpgov.request;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/requests}: the requests the caller may see, newest first; {@code GET /api/tasks}: the tasks waiting
 * for the caller. Both a page at a time ({@link Paging}); a bad parameter is a 400 problem.
 */
@RestController
@Tag(name = "requests", description = "Procurement requests: submit one, follow it to the end.")
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
    @Operation(
            operationId = "listRequests",
            summary = "The requests the caller may see, newest first, a page at a time",
            description = "A requester sees their own; auditors, procurement and PMP admins see all (mine=true: only"
                    + " their own). The total counts only what the caller may see.")
    RequestList.Requests requests(
            @Parameter(description = "the page, from 0", example = "0") @RequestParam(required = false) String page,
            @Parameter(description = "requests per page, 1 to 100 (default 20)", example = "20")
                    @RequestParam(required = false)
                    String size,
            @Parameter(
                            description = "open, finished or all",
                            schema = @Schema(allowableValues = {"open", "finished", "all"}))
                    @RequestParam(required = false)
                    String state,
            @Parameter(description = "true: only the caller's own requests", schema = @Schema(type = "boolean"))
                    @RequestParam(required = false)
                    String mine) {
        return lists.requests(Paging.of(page, size), RequestList.State.of(state), flag("mine", mine));
    }

    @GetMapping("/api/tasks")
    @Operation(
            operationId = "listTasksWaitingForMe",
            summary = "The open tasks waiting for the caller, oldest first, a page at a time",
            description = "Assigned to the caller or open to one of their groups, each with its Tasklist link.")
    RequestList.Tasks tasks(
            @Parameter(description = "the page, from 0", example = "0") @RequestParam(required = false) String page,
            @Parameter(description = "tasks per page, 1 to 100 (default 20)", example = "20")
                    @RequestParam(required = false)
                    String size) {
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
