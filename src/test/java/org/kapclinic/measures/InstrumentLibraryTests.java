package org.kapclinic.measures;

import org.junit.jupiter.api.DisplayName;
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
			// MDQ and QIDS-SR16 list their items for score entry, with neutral labels
			// only
			// (clinical.md 4.4: item text held).
			assertThat(instrument.items()).as(code)
				.allSatisfy((item) -> assertThat(item.text())
					.matches("Part [1-3]( item \\d{1,2})?|Item \\d{1,2} \\([a-z -]+\\)"));
		}
		assertThat(ScorerTests.LIBRARY.find("MDQ").orElseThrow().items()).hasSize(15);
		assertThat(ScorerTests.LIBRARY.find("QIDS-SR16").orElseThrow().items()).hasSize(16);
	}

	@Test
	@DisplayName("Instruments without published outcome definitions (CADSS, AUDIT, MDQ, PAIN-NRS) declare none (clinical.md 4.2)")
	void instrumentsWithoutPublishedDefinitionsDeclareNone() {
		for (String code : new String[] { "CADSS", "AUDIT", "MDQ", "PAIN-NRS" }) {
			Instrument instrument = ScorerTests.LIBRARY.find(code).orElseThrow();
			assertThat(instrument.response()).as(code).isNull();
			assertThat(instrument.remission()).as(code).isNull();
			assertThat(instrument.meaningfulChange()).as(code).isNull();
		}
		Instrument pcl5 = ScorerTests.LIBRARY.find("PCL-5").orElseThrow();
		assertThat(pcl5.meaningfulChange().kind()).isEqualTo("MINIMAL_IMPORTANT_DIFFERENCE");
		assertThat(pcl5.meaningfulChange().source()).contains("Blanchard");
		assertThat(pcl5.reliableChange().kind()).isEqualTo("RELIABLE_CHANGE_INDEX");
		assertThat(pcl5.reliableChange().source()).contains("Marx");
	}

}
