package org.kapclinic.intake;

/** How a prior antidepressant trial went. */
public enum TrialResponse {

	RESPONDED, PARTIAL, NO_RESPONSE, NOT_TOLERATED

}
