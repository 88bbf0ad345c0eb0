package org.kapclinic.measures;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every shipped instrument file loads and passes the library's checks. */
class InstrumentLibraryTests {

	@Test
	void everyShippedInstrumentLoads() {
		assertThat(ScorerTests.LIBRARY.all()).extracting(Instrument::code)
			.contains("PHQ-9", "PHQ-2", "GAD-7", "PCL-5", "AUDIT", "AUDIT-C", "PAIN-NRS", "PEG", "MADRS", "Y-BOCS",
					"C-SSRS", "CADSS", "BPI", "QIDS-SR16", "MDQ");
		ScorerTests.LIBRARY.all()
			.forEach(
					(instrument) -> assertThat(InstrumentLibrary.problems(instrument)).as(instrument.code()).isEmpty());
	}

	@Test
	void restrictedInstrumentsShipNoItemText() {
		for (String code : new String[] { "MADRS", "Y-BOCS", "C-SSRS", "CADSS", "BPI", "QIDS-SR16", "MDQ" }) {
			Instrument instrument = ScorerTests.LIBRARY.find(code).orElseThrow();
			assertThat(instrument.mode()).as(code).isEqualTo(Instrument.Mode.SCORE_ENTRY);
			assertThat(instrument.items()).as(code).isEmpty();
		}
	}

}
