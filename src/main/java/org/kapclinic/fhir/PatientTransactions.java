package org.kapclinic.fhir;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ca.uhn.fhir.rest.annotation.Transaction;
import ca.uhn.fhir.rest.annotation.TransactionParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Patient;
import org.kapclinic.patient.RegisteredPatient;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.InvalidInputException.FieldProblem;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code POST /fhir} with a transaction Bundle of {@code POST Patient} entries (a batch
 * of referrals): all or nothing (FHIR R4 §3.1.0.11.2), in one database transaction. Each
 * entry is registered as {@code POST Patient} would be, {@code ifNoneExist} included, in
 * order, so an entry that duplicates an earlier one of the same Bundle is found by the
 * duplicate check. The first invalid or duplicate entry rolls every entry back, and the
 * OperationOutcome names it ({@code Bundle.entry[i]} and its {@code fullUrl}). A plain
 * provider: HAPI's server-level {@code @Transaction}.
 */
@Component
class PatientTransactions implements FhirPlainProvider {

	static final String PATIENT_CREATES_ONLY = "this server accepts transactions of Patient creates only";

	/**
	 * Entries in one transaction at most: each is a duplicate check and a registration in
	 * one database transaction, which holds its locks until the last entry.
	 */
	static final int MAX_ENTRIES = 100;

	private final PatientReferrals referrals;

	private final TransactionTemplate transactions;

	PatientTransactions(PatientReferrals referrals, PlatformTransactionManager transactionManager) {
		this.referrals = referrals;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	@Transaction
	public Bundle transaction(@TransactionParam Bundle bundle) {
		if (bundle.getType() != Bundle.BundleType.TRANSACTION) {
			throw new InvalidRequestException("Bundle.type must be transaction (" + PATIENT_CREATES_ONLY + ")");
		}
		if (bundle.getEntry().size() > MAX_ENTRIES) {
			throw new InvalidRequestException(
					"A transaction may hold at most " + MAX_ENTRIES + " entries: send the rest in another");
		}
		for (int i = 0; i < bundle.getEntry().size(); i++) {
			BundleEntryComponent entry = bundle.getEntry().get(i);
			if (entry.getRequest().getMethod() != Bundle.HTTPVerb.POST || !"Patient".equals(entry.getRequest().getUrl())
					|| !(entry.getResource() instanceof Patient)) {
				throw new InvalidRequestException(where(i, entry) + PATIENT_CREATES_ONLY);
			}
		}
		return this.transactions.execute((status) -> register(bundle));
	}

	private Bundle register(Bundle bundle) {
		Bundle response = new Bundle().setType(Bundle.BundleType.TRANSACTIONRESPONSE);
		Map<UUID, String> created = new HashMap<>();
		for (int i = 0; i < bundle.getEntry().size(); i++) {
			BundleEntryComponent entry = bundle.getEntry().get(i);
			String where = where(i, entry);
			PatientReferrals.Outcome outcome;
			try {
				outcome = this.referrals.create((Patient) entry.getResource(), entry.getRequest().getIfNoneExist(),
						where, created);
			}
			catch (InvalidInputException ex) {
				throw named(ex, where);
			}
			RegisteredPatient patient = outcome.patient();
			if (outcome.created()) {
				created.put(patient.id(), where.strip());
			}
			response.addEntry()
				.getResponse()
				.setStatus(outcome.created() ? "201 Created" : "200 OK")
				.setLocation("Patient/" + patient.id() + "/_history/" + patient.version())
				.setEtag("W/\"" + patient.version() + "\"")
				.setLastModified(java.util.Date.from(patient.updatedAt()));
		}
		return response;
	}

	/** "Bundle.entry[1] (urn:uuid:…) ": the entry as the sender wrote it. */
	private static String where(int index, BundleEntryComponent entry) {
		return "Bundle.entry[" + index + "]" + (entry.hasFullUrl() ? " (" + entry.getFullUrl() + ")" : "") + " ";
	}

	private static InvalidInputException named(InvalidInputException ex, String where) {
		List<FieldProblem> problems = new ArrayList<>();
		ex.problems().forEach((p) -> problems.add(new FieldProblem(where + p.field(), p.message())));
		return new InvalidInputException(problems);
	}

}
