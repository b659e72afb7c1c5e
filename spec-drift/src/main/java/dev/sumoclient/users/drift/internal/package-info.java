/** Plug-ins that spec-drift gives openapi-diff; not an API. */
@NullMarked
package dev.sumoclient.users.drift.internal;

import org.jspecify.annotations.NullMarked;
