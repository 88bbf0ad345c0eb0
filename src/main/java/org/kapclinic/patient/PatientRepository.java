package org.kapclinic.patient;

import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface PatientRepository extends ListCrudRepository<Patient, UUID> {

	@Query("select 'KAP-' || nextval('patient.mrn_seq')")
	String nextMrn();

}
