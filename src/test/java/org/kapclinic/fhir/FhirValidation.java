package org.kapclinic.fhir;

import java.util.List;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * HAPI's offline R4 validator (the base specification's structure definitions and value
 * sets; no terminology server, and US Core's profiles are not obtainable offline, so a
 * declared US Core profile is reported as unknown, not checked). Built once: the first
 * validation loads every structure definition (~10 s).
 */
final class FhirValidation {

	private static FhirValidator validator;

	private FhirValidation() {
	}

	/** The validator's errors (and fatals) about the resource; warnings are left out. */
	static synchronized List<String> errors(IBaseResource resource) {
		if (validator == null) {
			FhirContext context = FhirContext.forR4Cached();
			ValidationSupportChain chain = new ValidationSupportChain(new DefaultProfileValidationSupport(context),
					new CommonCodeSystemsTerminologyService(context),
					new InMemoryTerminologyServerValidationSupport(context),
					new SnapshotGeneratingValidationSupport(context));
			FhirInstanceValidator instance = new FhirInstanceValidator(chain);
			// US Core's profiles cannot be had offline (reference/stack.md): a declared
			// one is reported, not failed, and the resource is checked against base R4.
			instance.setErrorForUnknownProfiles(false);
			validator = context.newValidator().registerValidatorModule(instance);
		}
		return validator.validateWithResult(resource)
			.getMessages()
			.stream()
			.filter((m) -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
			.map(FhirValidation::describe)
			.toList();
	}

	private static String describe(SingleValidationMessage message) {
		return message.getSeverity() + " " + message.getLocationString() + ": " + message.getMessage();
	}

}
