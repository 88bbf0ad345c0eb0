package org.kapclinic.fhir;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * A response whose writer ignores {@code flush()}: the container sends the body when its
 * buffer fills and when the request ends.
 *
 * <p>
 * HAPI writes JSON through a Jackson mapper that flushes after every value it writes, and
 * each flush went to the socket as an HTTP chunk of its own — a {@code Patient} left in
 * 29 chunks, a search page in hundreds. That, not the encoding, was why a resource took
 * ~3 ms to write in the server and 0.4 ms on its own (issue 22's read budgets).
 */
class UnflushedResponse extends HttpServletResponseWrapper {

	private PrintWriter writer;

	UnflushedResponse(HttpServletResponse response) {
		super(response);
	}

	@Override
	public PrintWriter getWriter() throws IOException {
		if (this.writer == null) {
			this.writer = new PrintWriter(new FilterWriter(super.getWriter()) {
				@Override
				public void flush() {
					// the container flushes when its buffer fills and at the end
				}
			});
		}
		return this.writer;
	}

}
