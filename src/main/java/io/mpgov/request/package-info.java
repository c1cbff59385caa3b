/**
 * Procurement requests from submission to the end (process {@code procurement-request}): the form and
 * its validation, the REST API, routing (DMN) and, in {@code request.approval}, the approvals the policy demands.
 */
@ApplicationModule(
        displayName = "Procurement requests",
        allowedDependencies = {"agreement", "catalog", "decision", "license", "organization", "review", "security"})
package io.mpgov.request;

import org.springframework.modulith.ApplicationModule;
