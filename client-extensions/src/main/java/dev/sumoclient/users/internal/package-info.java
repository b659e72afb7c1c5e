/**
 * Implementation details of the client; not an API, may change in any release.
 *
 * <p>Everything here is non-null unless a type or parameter says otherwise.
 */
@NullMarked
package dev.sumoclient.users.internal;

import org.jspecify.annotations.NullMarked;
