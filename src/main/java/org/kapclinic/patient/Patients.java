package org.kapclinic.patient;

import java.util.UUID;

import org.springframework.stereotype.Service;

/**
 * The patient module's API for other modules. Calls run the same access rules and audit
 * as the patient's own pages: a caller never sees a patient its user could not.
 */
@Service
public class Patients {

	private final PatientService service;

	Patients(PatientService service) {
		this.service = service;
	}

	/**
	 * The patient as the signed-in user may see them.
	 * @throws org.kapclinic.shared.NotFoundException if absent or not visible to the user
	 */
	public PatientView find(UUID patientId) {
		return this.service.read(patientId);
	}

}
