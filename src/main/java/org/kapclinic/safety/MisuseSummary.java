package org.kapclinic.safety;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.kapclinic.safety.MisuseFacts.PatientRequest;
import org.kapclinic.safety.MisuseFacts.PdmpCheck;
import org.kapclinic.safety.MisuseFacts.TakeHomeSupply;

/**
 * A patient's misuse and diversion signals over the window, newest first, with the
 * recorded facts behind them.
 *
 * @param since the window's first day ({@code kap.safety.misuse-signal-window} back)
 * @param counts per signal code, how many in the window (every kind, 0 included)
 * @param lastPdmpCheck the latest PDMP check ever recorded (null: never)
 */
public record MisuseSummary(LocalDate since, List<MisuseSignal> signals, Map<MisuseSignalKind, Integer> counts,
		PdmpCheck lastPdmpCheck, List<PdmpCheck> pdmpChecks, List<PatientRequest> requests,
		List<TakeHomeSupply> supplies) {
}
