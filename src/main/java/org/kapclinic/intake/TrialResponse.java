package org.kapclinic.intake;

/** How a prior antidepressant trial went. */
enum TrialResponse {

	RESPONDED, PARTIAL, NO_RESPONSE, NOT_TOLERATED

}
