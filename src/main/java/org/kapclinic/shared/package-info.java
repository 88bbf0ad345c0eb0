/**
 * The small kernel every module may use: error types mapped once to HTTP statuses, the
 * signed-in principal's shape, and the clinic clock. Nothing with clinical meaning lives
 * here.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared kernel")
package org.kapclinic.shared;
