package org.kapclinic.reports;

import java.util.UUID;

/**
 * A research export was requested (published in the request's transaction): the registry
 * keeps it until {@link ResearchExportJob} has run, so an export a restart interrupted
 * runs again.
 */
record ResearchExportRequested(UUID exportId) {
}
