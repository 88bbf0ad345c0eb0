package org.kapclinic.shared;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.stereotype.Component;

/**
 * Documents as PDF (disclosure summaries, superbills, donation receipts): a Thymeleaf
 * template, every value written with {@code th:text} so user text stays text, rendered by
 * openhtmltopdf. The renderer fetches nothing: templates link no resources and any URI
 * resolves to nothing (no outbound requests from user text, security.md 3).
 */
@Component
public class PdfDocuments {

	private final ITemplateEngine templates;

	PdfDocuments(ITemplateEngine templates) {
		this.templates = templates;
	}

	/** The template (e.g. {@code billing/superbill-pdf}) with the model, as a PDF. */
	public byte[] render(String template, Map<String, Object> model) {
		String html = this.templates.process(template, new Context(Locale.US, model));
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
