/**
 * Cross-cutting web plumbing: page layout support, the home page, and how errors become
 * RFC 9457 problem+json on the API and friendly pages in the browser.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web", allowedDependencies = "shared")
package org.kapclinic.web;
