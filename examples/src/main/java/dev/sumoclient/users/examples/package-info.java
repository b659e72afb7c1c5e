/** Compiled examples: the README's quick start and its main job, the lifecycle demo. */
@NullMarked
package dev.sumoclient.users.examples;

import org.jspecify.annotations.NullMarked;
