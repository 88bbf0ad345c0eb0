package org.kapclinic.notes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.stereotype.Component;

/**
 * Renders the disclosure summary: a Thymeleaf template (every value written with
 * {@code th:text}, so note text stays text) turned into a PDF by openhtmltopdf. The
 * renderer fetches nothing: the template links no resources and any URI it is asked for
 * resolves to nothing (no outbound requests from user text, security.md 3).
 */
@Component
class DisclosurePdf {

	private final ITemplateEngine templates;

	DisclosurePdf(ITemplateEngine templates) {
		this.templates = templates;
	}

	String html(Map<String, Object> model) {
		return this.templates.process("notes/disclosure-pdf", new Context(java.util.Locale.US, model));
	}

	byte[] render(Map<String, Object> model) {
		String html = html(model);
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			builder.useUriResolver((base, uri) -> null);
			builder.withHtmlContent(html, null);
			builder.toStream(out);
			builder.run();
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
