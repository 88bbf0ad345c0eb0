package org.kapclinic.intake;

import java.time.Instant;

/** One version of a consent text; signatures point at it by code, version and SHA-256. */
record ConsentDocument(String code, int version, String title, String body, String sha256, Instant publishedAt) {
}
