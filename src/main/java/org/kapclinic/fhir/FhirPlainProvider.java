package org.kapclinic.fhir;

/**
 * A provider of server-level or cross-type operations (not one resource type's
 * {@code IResourceProvider}); every such bean is registered on the FHIR server.
 */
interface FhirPlainProvider {

}
