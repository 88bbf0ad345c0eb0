package org.kapclinic.patient;

/**
 * An identifier another system gave a patient (FHIR {@code Identifier}: the referring
 * EHR's MRN, say), kept from a referral.
 *
 * @param system the namespace, an absolute URI (e.g. {@code urn:oid:…} or
 * {@code https://ehr.example.org/mrn})
 * @param value the identifier within that system
 */
public record ExternalIdentifier(String system, String value) {

	/** At most this many per referral. */
	static final int MAX = 10;

	static final int MAX_SYSTEM = 500;

	static final int MAX_VALUE = 200;

}
