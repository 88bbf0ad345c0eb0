package org.kapclinic.scheduling;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The programs a patient has courses in (any status), for the access fund's restriction
 * check (issue 20). No access check, no audit: the caller checks its own role and
 * discloses no clinical detail.
 */
@Service
@Transactional(readOnly = true)
public class CoursePrograms {

	private final JdbcClient jdbc;

	CoursePrograms(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<String> of(UUID patientId) {
		return this.jdbc.sql("select distinct program from scheduling.course where patient_id = ?")
			.param(patientId)
			.query(String.class)
			.list();
	}

}
