/** Checks that our API description states the same facts as the published upstream one. */
@NullMarked
package dev.sumoclient.users.spec;

import org.jspecify.annotations.NullMarked;
