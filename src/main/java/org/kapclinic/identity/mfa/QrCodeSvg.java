package org.kapclinic.identity.mfa;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.nayuki.qrcodegen.QrCode;

/**
 * A QR code drawn as an SVG {@code data:} URI, for an {@code <img>}: made here, so the
 * secret it carries never goes to an outside QR service, and it needs no inline style
 * (the pages' CSP allows images from {@code data:}).
 */
final class QrCodeSvg {

	private static final int QUIET_ZONE = 4;

	private QrCodeSvg() {
	}

	static String dataUri(String text) {
		QrCode code = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
		int size = code.size + 2 * QUIET_ZONE;
		StringBuilder path = new StringBuilder();
		for (int y = 0; y < code.size; y++) {
			for (int x = 0; x < code.size; x++) {
				if (code.getModule(x, y)) {
					path.append('M').append(x + QUIET_ZONE).append(',').append(y + QUIET_ZONE).append("h1v1h-1z");
				}
			}
		}
		String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size
				+ "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path d=\""
				+ path + "\" fill=\"#000\"/></svg>";
		return "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8));
	}

}
