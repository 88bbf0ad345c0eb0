package org.kapclinic.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.kapclinic.ApiClient;
import org.kapclinic.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Only the proxies in {@code kap.security.trusted-proxies} may say who the client is
 * (issue 16 finding 4: Tomcat's own default trusted every private address, 127.x
 * included, so anyone on the clinic's network could forge the address the audit trail
 * records and the public form's rate limit counts). The tests trust 127.0.0.1 only; a
 * request from 127.0.0.2, another private address, with a forged X-Forwarded-For is
 * recorded under its real address.
 */
class UntrustedProxyIT extends IntegrationTest {

	@Test
	void aForgedForwardedForFromAnAddressThatIsNotATrustedProxyIsIgnored() throws IOException {
		String family = "Forgewick" + UUID.randomUUID().toString().substring(0, 8);
		Map<String, Object> body = new HashMap<>();
		body.put("givenName", "Asker");
		body.put("familyName", family);
		body.put("birthDate", "1985-03-03");
		body.put("email", family.toLowerCase() + "@example.test");
		body.put("concerns", List.of("DEPRESSION"));
		body.put("consentToContact", true);

		assertThat(postFrom127002("/api/v1/consultation-requests", ApiClient.toJson(body), "203.0.113.77"))
			.startsWith("HTTP/1.1 202");

		List<String> addresses = this.jdbc.sql("""
				select client_address from audit.entry
				where resource_type = 'ConsultationRequest' and action = 'CREATE' and resource_id =
				  (select id::text from intake.consultation_request where family_name = ?)""")
			.param(family)
			.query(String.class)
			.list();
		assertThat(addresses).containsExactly("127.0.0.2");
	}

	/**
	 * A raw HTTP/1.1 POST whose connection comes from 127.0.0.2; returns the status line.
	 */
	private String postFrom127002(String path, String json, String forwardedFor) throws IOException {
		byte[] content = json.getBytes(StandardCharsets.UTF_8);
		try (Socket socket = new Socket()) {
			socket.bind(new InetSocketAddress("127.0.0.2", 0));
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 5_000);
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + this.port + "\r\n"
					+ "Content-Type: application/json\r\nAccept: application/json\r\nX-Forwarded-For: " + forwardedFor
					+ "\r\nContent-Length: " + content.length + "\r\nConnection: close\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.write(content);
			out.flush();
			InputStream in = socket.getInputStream();
			String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			return response.lines().findFirst().orElse("");
		}
	}

}
