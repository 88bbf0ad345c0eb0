package org.kapclinic.safety;

import java.time.LocalDate;

/**
 * One signal: what, on which day, and the detail staff recorded or the rule found.
 *
 * @param kind the code ({@link MisuseSignalKind})
 */
public record MisuseSignal(MisuseSignalKind kind, String label, LocalDate on, String detail) {

	static MisuseSignal of(MisuseSignalKind kind, LocalDate on, String detail) {
		return new MisuseSignal(kind, kind.label(), on, detail);
	}

}
