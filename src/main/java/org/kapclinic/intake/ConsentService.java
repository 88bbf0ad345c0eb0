package org.kapclinic.intake;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.kapclinic.identity.StaffMember;
import org.kapclinic.intake.ConsentSignature.SignerRole;
import org.kapclinic.patient.CareTeamAccess;
import org.kapclinic.patient.Guardian;
import org.kapclinic.patient.PatientSummary;
import org.kapclinic.patient.Patients;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.InvalidInputException.FieldProblem;
import org.kapclinic.shared.NotFoundException;
import org.kapclinic.shared.RuleViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Records consent signatures and their withdrawal. A minor's consent to a program is two
 * separate signatures: a guardian on file signs the program's document, and the patient
 * signs the assent (clinical.md section 6: guardian permission plus patient assent).
 */
@Service
@Transactional
public class ConsentService {

	static final String ASSENT = "ASSENT_MINOR";

	static final String RELEASE = "RELEASE_OF_INFORMATION";

	/** A signature's details in words, for the pages. */
	public static final Map<String, String> DETAIL_LABELS = Map.of("recipientName", "Recipient", "scope", "Scope",
			"expiresOn", "Expires on", "providerId", "Outside provider", "content", "Content", "signedVia", "Signed on",
			"signature", "Signature");

	private static final TypeReference<Map<String, String>> DETAILS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final ConsentDocuments documents;

	private final CareTeamAccess access;

	private final Patients patients;

	private final AuditTrail audit;

	private final Clock clock;

	private final org.springframework.context.ApplicationEventPublisher events;

	ConsentService(JdbcClient jdbc, JsonMapper json, ConsentDocuments documents, CareTeamAccess access,
			Patients patients, AuditTrail audit, Clock clock,
			org.springframework.context.ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.json = json;
		this.documents = documents;
		this.access = access;
		this.patients = patients;
		this.audit = audit;
		this.clock = clock;
	}

	public ConsentSignature sign(UUID patientId, String document, Integer version, String signerName, SignerRole role,
			Map<String, String> details) {
		StaffMember user = this.access.requireClinical(patientId);
		return store(patientId, document, version, signerName, role, details, user.id(), null, null);
	}

	/**
	 * A signature the patient or guardian gives themselves through a signing link
	 * ({@link ConsentLinks} has checked the link and the date of birth): the same rules
	 * as at the desk, recorded against the staff member who sent the link and audited as
	 * the patient's own act.
	 */
	ConsentSignature signByPatient(UUID patientId, String document, int version, String signerName, SignerRole role,
			Map<String, String> details, UUID sentBy, String drawnSignature) {
		return store(patientId, document, version, signerName, role, details, sentBy,
				org.kapclinic.patient.PatientLinks.PATIENT_ACTOR, drawnSignature);
	}

	private ConsentSignature store(UUID patientId, String document, Integer version, String signerName, SignerRole role,
			Map<String, String> details, UUID recordedBy, String actor, String drawnSignature) {
		PatientSummary patient = this.patients.summary(patientId)
			.orElseThrow(() -> new NotFoundException("Patient", patientId));
		ConsentDocument current = this.documents.latest(document)
			.orElseThrow(() -> InvalidInputException.of("document",
					"unknown consent document " + document + "; one of " + ConsentDocuments.CODES));
		List<FieldProblem> problems = new ArrayList<>();
		if (version == null || version != current.version()) {
			problems.add(new FieldProblem("version", "sign the current version " + current.version() + " of " + document
					+ " (older texts are no longer offered)"));
		}
		if (signerName == null || signerName.isBlank()) {
			problems.add(new FieldProblem("signerName", "the signer types their full name"));
		}
		Map<String, String> cleanDetails = (details != null) ? new HashMap<>(details) : new HashMap<>();
		if (RELEASE.equals(document)) {
			problems.addAll(ReleasesOfInformation.problems(cleanDetails));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		checkSigner(patientId, patient, document, signerName.trim(), role);
		ConsentSignature signature = new ConsentSignature(UUID.randomUUID(), patientId, document, current.version(),
				current.sha256(), signerName.trim(), role, Map.copyOf(cleanDetails), Instant.now(this.clock),
				clientAddress(), recordedBy, null, null);
		this.jdbc.sql("""
				insert into intake.consent_signature (id, patient_id, document_code, document_version, document_sha256,
				    signer_name, signer_role, details, signed_at, client_address, recorded_by, signature_image)
				values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)""")
			.params(signature.id(), patientId, document, current.version(), current.sha256(), signature.signerName(),
					role.name(), this.json.writeValueAsString(signature.details()),
					Timestamp.from(signature.signedAt()), signature.clientAddress(), recordedBy, drawnSignature)
			.update();
		this.audit.record(AuditEvent.of(AuditAction.CREATE, "ConsentSignature", signature.id())
			.patient(patientId)
			.category(DataCategory.CLINICAL)
			.detail(document + " v" + current.version() + " by " + role)
			.actor(actor));
		return signature;
	}

	public ConsentSignature withdraw(UUID signatureId, String reason) {
		ConsentSignature signature = find(signatureId)
			.orElseThrow(() -> new NotFoundException("ConsentSignature", signatureId));
		StaffMember user = this.access.requireClinical(signature.patientId());
		if (reason == null || reason.isBlank()) {
			throw InvalidInputException.of("reason", "a reason is required to record a withdrawal");
		}
		if (!signature.active()) {
			throw new RuleViolationException("This consent was already withdrawn.", List.of("ALREADY_WITHDRAWN"));
		}
		this.jdbc.sql("""
				update intake.consent_signature set withdrawn_at = ?, withdrawn_by = ?, withdrawal_reason = ?
				where id = ? and withdrawn_at is null""")
			.params(Timestamp.from(Instant.now(this.clock)), user.id(), reason.trim(), signatureId)
			.update();
		this.audit.record(AuditEvent.of(AuditAction.UPDATE, "ConsentSignature", signatureId)
			.patient(signature.patientId())
			.category(DataCategory.CLINICAL)
			.detail("withdrawn: " + reason.trim()));
		this.events.publishEvent(new ConsentWithdrawn(signature.patientId(), signatureId, signature.document(),
				title(signature), reason.trim(), false));
		return find(signatureId).orElseThrow();
	}

	String title(ConsentSignature signature) {
		return this.documents.find(signature.document(), signature.version())
			.map(ConsentDocument::title)
			.orElse(signature.document());
	}

	@Transactional(readOnly = true)
	public List<ConsentSignature> signatures(UUID patientId) {
		this.access.requireClinical(patientId);
		this.audit.record(AuditEvent.of(AuditAction.READ, "ConsentSignature", null)
			.patient(patientId)
			.category(DataCategory.CLINICAL));
		return all(patientId);
	}

	/**
	 * The patient's active release of information that names this provider and lists
	 * every requested content category ({@link ReleasesOfInformation#covering}). The
	 * caller has checked its own access rule.
	 */
	@Transactional(readOnly = true)
	public Optional<ReleaseCoverage> coveringRelease(UUID patientId, UUID providerId, String providerName,
			Collection<String> content, LocalDate today) {
		return ReleasesOfInformation.covering(all(patientId), providerId, providerName, content, today);
	}

	/**
	 * What consent is still missing for a program ({@code CONSENT},
	 * {@code GUARDIAN_CONSENT}, {@code ASSENT}).
	 */
	List<String> missingFor(UUID patientId, Program program, boolean minor) {
		List<ConsentSignature> active = all(patientId).stream().filter(ConsentSignature::active).toList();
		List<String> missing = new ArrayList<>();
		if (!minor) {
			if (active.stream()
				.noneMatch((s) -> s.document().equals(program.consentDocument())
						&& s.signerRole() == SignerRole.PATIENT)) {
				missing.add("CONSENT");
			}
			return missing;
		}
		if (active.stream()
			.noneMatch(
					(s) -> s.document().equals(program.consentDocument()) && s.signerRole() == SignerRole.GUARDIAN)) {
			missing.add("GUARDIAN_CONSENT");
		}
		if (active.stream().noneMatch((s) -> s.document().equals(ASSENT) && s.signerRole() == SignerRole.PATIENT)) {
			missing.add("ASSENT");
		}
		return missing;
	}

	private void checkSigner(UUID patientId, PatientSummary patient, String document, String signerName,
			SignerRole role) {
		if (ASSENT.equals(document) && role != SignerRole.PATIENT) {
			throw InvalidInputException.of("signerRole", "the assent is signed by the patient themself");
		}
		if (role == SignerRole.GUARDIAN) {
			List<Guardian> guardians = this.patients.guardians(patientId);
			boolean onFile = guardians.stream()
				.anyMatch((g) -> g.name() != null && g.name().trim().equalsIgnoreCase(signerName));
			if (!onFile) {
				throw InvalidInputException.of("signerName",
						"a guardian signs with the name on file (" + guardians.size() + " guardian(s) recorded)");
			}
		}
		else if (patient.minor() && !ASSENT.equals(document) && !"TELEHEALTH".equals(document)) {
			throw new RuleViolationException("A minor's consent to treatment is signed by a guardian on file; the "
					+ "patient signs the assent (" + ASSENT + ").", List.of("GUARDIAN_CONSENT"));
		}
	}

	private List<ConsentSignature> all(UUID patientId) {
		return this.jdbc.sql("select * from intake.consent_signature where patient_id = ? order by signed_at")
			.param(patientId)
			.query((rs, n) -> map(rs))
			.list();
	}

	java.util.Optional<ConsentSignature> find(UUID id) {
		return this.jdbc.sql("select * from intake.consent_signature where id = ?")
			.param(id)
			.query((rs, n) -> map(rs))
			.optional();
	}

	private ConsentSignature map(ResultSet rs) throws SQLException {
		Timestamp withdrawn = rs.getTimestamp("withdrawn_at");
		return new ConsentSignature(rs.getObject("id", UUID.class), rs.getObject("patient_id", UUID.class),
				rs.getString("document_code"), rs.getInt("document_version"), rs.getString("document_sha256"),
				rs.getString("signer_name"), SignerRole.valueOf(rs.getString("signer_role")),
				this.json.readValue(rs.getString("details"), DETAILS), rs.getTimestamp("signed_at").toInstant(),
				rs.getString("client_address"), rs.getObject("recorded_by", UUID.class),
				(withdrawn != null) ? withdrawn.toInstant() : null, rs.getString("withdrawal_reason"));
	}

	private static String clientAddress() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}

}
