/**
 * Who the caller is and what they may do: the one access policy ({@link io.mpgov.security.AccessPolicy},
 * access-policy.yaml) and everything that enforces it — authentication, the /api guard, the command gate in front of
 * every engine command, the engine's authorizations made from the policy — plus refusals answered in one place,
 * response headers and safe start-up. Imports no feature.
 *
 * <p>Camunda's internal classes ({@code org.camunda.bpm.engine.impl}) are used here only where Camunda has no public
 * API for it: {@code cfg.AbstractProcessEnginePlugin} and {@code cfg.ProcessEngineConfigurationImpl} (engine plugins:
 * the only way to add a command interceptor), {@code interceptor.Command}, {@code interceptor.CommandInterceptor} and
 * {@code context.Context} (the command chain: seeing every command before it runs, and only the outermost),
 * {@code cmd.*Cmd} and {@code ProcessInstantiationBuilderImpl} (what a start, completion or comment carries is in
 * their fields only), {@code identity.Authentication} (the engine's current caller, to replace its groups),
 * {@code form.validator.FormFieldValidationException} (the refusal the engine's REST API answers 400) and
 * {@code util.ResourceTypeUtil} (a permission by its name, for the policy's grants). ModuleBoundariesTest holds
 * the list to the code.
 */
@ApplicationModule(
        displayName = "Security",
        allowedDependencies = {})
package io.mpgov.security;

import org.springframework.modulith.ApplicationModule;
