package org.kapclinic.intake.consultation;

import java.util.Set;

/** The triage path of a consultation request. */
enum ConsultationStatus {

	NEW("New"), CONTACTED("Contacted"), CONSULTATION_BOOKED("Consultation booked"),
	CONVERTED("Registered as a patient"), DECLINED("Declined");

	private final String label;

	ConsultationStatus(String label) {
		this.label = label;
	}

	/** What staff read (the API keeps the code). */
	public String label() {
		return this.label;
	}

	/** Where staff may move a request from here (CONVERTED only by converting it). */
	Set<ConsultationStatus> next() {
		return switch (this) {
			case NEW -> Set.of(CONTACTED, CONSULTATION_BOOKED, DECLINED);
			case CONTACTED -> Set.of(CONSULTATION_BOOKED, DECLINED);
			case CONSULTATION_BOOKED -> Set.of(CONTACTED, DECLINED);
			case CONVERTED, DECLINED -> Set.of();
		};
	}

	/** Still being triaged: not converted to a patient, not declined. */
	public boolean open() {
		return this != CONVERTED && this != DECLINED;
	}

	/** The page offers "mark contacted". */
	public boolean canMarkContacted() {
		return this == NEW;
	}

	/** The page offers "consultation booked". */
	public boolean canMarkBooked() {
		return next().contains(CONSULTATION_BOOKED);
	}

}
