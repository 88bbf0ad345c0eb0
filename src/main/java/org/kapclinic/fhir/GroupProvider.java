package org.kapclinic.fhir;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.StringType;
import org.kapclinic.intake.Program;
import org.springframework.stereotype.Component;

/**
 * {@code Group/{id}}: the clinic's treatment programs as cohorts ({@code Group/kap},
 * {@code Group/iv-infusion}, {@code Group/esketamine}): everyone with a course in the
 * program. They exist for {@code Group/{id}/$export}, what a registry or payer asks for
 * one program's patients (Bulk Data Access 2.0); members are not listed here, the export
 * holds them.
 */
@Component
class GroupProvider implements IResourceProvider {

	private final BulkExportProvider exports;

	GroupProvider(BulkExportProvider exports) {
		this.exports = exports;
	}

	@Override
	public Class<? extends IBaseResource> getResourceType() {
		return Group.class;
	}

	@Read
	public Group read(@IdParam IdType id) {
		return toFhir(program(id.getIdPart()));
	}

	@Search
	public List<Group> all() {
		return Arrays.stream(Program.values()).map(GroupProvider::toFhir).toList();
	}

	@Operation(name = "$export", manualResponse = true, idempotent = true)
	public void export(@IdParam IdType id, ServletRequestDetails details,
			@OperationParam(name = "_outputFormat") StringType outputFormat,
			@OperationParam(name = "_type") StringType type, @OperationParam(name = "_since") StringType since,
			@OperationParam(name = "_typeFilter", max = OperationParam.MAX_UNLIMITED) List<StringType> typeFilter) {
		this.exports.kickOff("GROUP", program(id.getIdPart()).name(), details, outputFormat, type, since, typeFilter);
	}

	/** {@code iv-infusion} for IV_INFUSION. */
	static String id(Program program) {
		return program.name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	private static Program program(String id) {
		return Arrays.stream(Program.values())
			.filter((p) -> id(p).equals(id))
			.findFirst()
			.orElseThrow(() -> new ResourceNotFoundException("Group/" + id + " is not one of this clinic's programs ("
					+ String.join(", ", Arrays.stream(Program.values()).map(GroupProvider::id).toList()) + ")"));
	}

	private static Group toFhir(Program program) {
		Group group = new Group();
		group.setId(id(program));
		group.setType(Group.GroupType.PERSON);
		group.setActual(true);
		group.setName(program.label());
		group.getCode().setText("Patients with a course of " + program.label());
		return group;
	}

}
