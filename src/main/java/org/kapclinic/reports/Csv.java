package org.kapclinic.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes RFC 4180 CSV (CRLF line ends, a field quoted when it holds a comma, quote or
 * line break) to a stream it does not close.
 */
final class Csv {

	private final OutputStream out;

	private int rows;

	Csv(OutputStream out, String... header) {
		this.out = out;
		write((Object[]) header);
		this.rows = 0;
	}

	void write(Object... fields) {
		StringBuilder line = new StringBuilder();
		for (int i = 0; i < fields.length; i++) {
			if (i > 0) {
				line.append(',');
			}
			String value = (fields[i] != null) ? fields[i].toString() : "";
			if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
					|| value.indexOf('\r') >= 0) {
				value = '"' + value.replace("\"", "\"\"") + '"';
			}
			line.append(value);
		}
		line.append("\r\n");
		try {
			this.out.write(line.toString().getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.rows++;
	}

	/** Data rows written (the header not counted). */
	int rows() {
		return this.rows;
	}

}
