package org.kapclinic.shared;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;

import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Documents as PDF (disclosure summaries, superbills, donation receipts): a Thymeleaf
 * template, every value written with {@code th:text} so user text stays text, rendered by
 * openhtmltopdf. The renderer fetches nothing: templates link no resources and any URI
 * resolves to nothing (no outbound requests from user text, security.md 3). Templates
 * reach the same label beans as pages ({@code ${@courseLabels.status(c)}}), so a PDF
 * shows words, never codes.
 */
@Component
public class PdfDocuments {

	private final ITemplateEngine templates;

	private final ApplicationContext beans;

	PdfDocuments(ITemplateEngine templates, ApplicationContext beans) {
		this.templates = templates;
		this.beans = beans;
	}

	/** The template (e.g. {@code billing/superbill-pdf}) with the model, as a PDF. */
	public byte[] render(String template, Map<String, Object> model) {
		Context context = new Context(Locale.US, model);
		context.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
				new ThymeleafEvaluationContext(this.beans, null));
		String html = this.templates.process(template, context);
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
