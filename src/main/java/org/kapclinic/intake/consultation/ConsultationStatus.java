package org.kapclinic.intake.consultation;

import java.util.Set;

/** The triage path of a consultation request. */
public enum ConsultationStatus {

	NEW, CONTACTED, CONSULTATION_BOOKED, CONVERTED, DECLINED;

	/** Where staff may move a request from here (CONVERTED only by converting it). */
	Set<ConsultationStatus> next() {
		return switch (this) {
			case NEW -> Set.of(CONTACTED, CONSULTATION_BOOKED, DECLINED);
			case CONTACTED -> Set.of(CONSULTATION_BOOKED, DECLINED);
			case CONSULTATION_BOOKED -> Set.of(CONTACTED, DECLINED);
			case CONVERTED, DECLINED -> Set.of();
		};
	}

	boolean open() {
		return this != CONVERTED && this != DECLINED;
	}

}
