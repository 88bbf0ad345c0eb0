/**
 * Running the clinic for real (issue 17): the guards that refuse a production start with
 * unsafe settings. Backups, metrics and the standby's checks come here as they are built.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Operations", allowedDependencies = "shared")
package org.kapclinic.operations;
