/**
 * The small kernel every module may use: error types mapped once to HTTP statuses, the
 * signed-in principal's shape, the clinic clock, and group commit for writes that many
 * clients make at once. Nothing with clinical meaning lives here.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared kernel")
package org.kapclinic.shared;
