package org.kapclinic.shared;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The addresses a patient opens from an e-mail (self-report links, portal invitations):
 * {@code kap.clinic.public-url} when set (it must be, for links e-mailed by the schedule,
 * which runs outside any request), otherwise the address of the request that created the
 * link.
 */
@Component
public class PublicUrls {

	private final String publicUrl;

	private final int port;

	PublicUrls(@Value("${kap.clinic.public-url:}") String publicUrl, @Value("${server.port:8080}") int port) {
		this.publicUrl = publicUrl;
		this.port = port;
	}

	/** {@code /self-report/{token}} with its variables, as an absolute address. */
	public String of(String pathTemplate, Object... variables) {
		UriComponentsBuilder base;
		if (!this.publicUrl.isBlank()) {
			base = UriComponentsBuilder.fromUriString(this.publicUrl);
		}
		else if (RequestContextHolder.getRequestAttributes() != null) {
			base = ServletUriComponentsBuilder.fromCurrentContextPath();
		}
		else {
			base = UriComponentsBuilder.fromUriString("http://localhost:" + this.port);
		}
		return base.path(pathTemplate).buildAndExpand(variables).toUriString();
	}

}
