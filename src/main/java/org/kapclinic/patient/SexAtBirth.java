package org.kapclinic.patient;

public enum SexAtBirth {

	FEMALE, MALE, INTERSEX, UNKNOWN

}
