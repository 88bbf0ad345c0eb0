/**
 * Reports across the practice (issue 18): the outcomes report, and later the research
 * export and the public results page. It reads from the other modules; nothing depends on
 * it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reports", allowedDependencies = "shared")
package org.kapclinic.reports;
