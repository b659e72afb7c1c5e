/**
 * The spec-drift tool: what changed between two OpenAPI descriptions of the User Management API,
 * and whether it breaks a client.
 */
@NullMarked
package dev.sumoclient.users.drift;

import org.jspecify.annotations.NullMarked;
