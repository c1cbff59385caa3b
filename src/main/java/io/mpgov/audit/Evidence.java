package io.mpgov.audit;

import java.time.Instant;

/**
 * One auditable fact: a person's decision, a DMN evaluation, a change in AWS, a review's result.
 *
 * @param kind      DECISION, DMN, CHANGE_SET, GRANT, AGREEMENT, CATALOG_REVIEW or ACCESS_REVIEW
 * @param process   the process definition key it belongs to
 * @param reference what it is about: the request id, or the review run
 * @param actor     who decided (a user, or "mpgov" for what the processes did)
 * @param outcome   the decision, the change set status, the grant outcome, …
 * @param detail    the rest: comment, DMN version and result, change set id and products, grant ARN, …
 */
public record Evidence(
        Instant time,
        String kind,
        String process,
        String processInstanceId,
        String reference,
        String actor,
        String outcome,
        String detail) {}
