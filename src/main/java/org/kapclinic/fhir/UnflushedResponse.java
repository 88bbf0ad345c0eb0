package org.kapclinic.fhir;

import java.io.BufferedWriter;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * A response whose writer buffers what it is given and ignores {@code flush()}; the
 * server hands the buffer on when the request is handled ({@link #finish()}), and the
 * container sends the body.
 *
 * <p>
 * HAPI writes JSON through a Jackson mapper that flushes after every value it writes.
 * Each flush went to the socket as an HTTP chunk of its own — a {@code Patient} left in
 * 29 chunks, a search page in hundreds — and, once the flushes were ignored, each value
 * still went through three writers (Spring Security's counts every write) one by one.
 * That, not the encoding, was why a resource took ~3 ms to write in the server and 0.4 ms
 * on its own (issue 22's read budgets).
 */
class UnflushedResponse extends HttpServletResponseWrapper {

	private static final int BUFFER_CHARS = 16 * 1024;

	private BufferedWriter buffer;

	private PrintWriter writer;

	/** HAPI closes the writer when it is done (which hands the buffer on). */
	private boolean closed;

	UnflushedResponse(HttpServletResponse response) {
		super(response);
	}

	@Override
	public PrintWriter getWriter() throws IOException {
		if (this.writer == null) {
			this.buffer = new BufferedWriter(super.getWriter(), BUFFER_CHARS);
			this.writer = new PrintWriter(new FilterWriter(this.buffer) {
				@Override
				public void flush() {
					// handed on in one piece by close() or finish()
				}

				@Override
				public void close() throws IOException {
					UnflushedResponse.this.closed = true;
					super.close();
				}
			});
		}
		return this.writer;
	}

	/**
	 * Hands what was written on to the container (which sends it), unless closing the
	 * writer did.
	 */
	void finish() throws IOException {
		if (this.buffer != null && !this.closed) {
			this.buffer.flush();
		}
	}

}
