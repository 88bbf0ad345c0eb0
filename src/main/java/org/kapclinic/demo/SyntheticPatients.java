package org.kapclinic.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

import org.kapclinic.measures.MeasurementImport.ImportedAnswers;
import org.kapclinic.patient.Guardian;
import org.kapclinic.patient.PatientImport.ImportedMeasurement;
import org.kapclinic.patient.PatientImport.ImportedPatient;
import org.kapclinic.patient.SexAtBirth;

/**
 * Generates obviously fictional patients from a seed: whimsical invented names, phone
 * numbers in the 555-01xx range reserved for fiction, and addresses on
 * {@code example.test}.
 */
final class SyntheticPatients {

	private static final String[] GIVEN = { "Zephyrine", "Marigold", "Orion", "Juniper", "Thistle", "Bramble",
			"Clementine", "Barnaby", "Wilhelmina", "Ptolemy", "Saffron", "Jasper", "Olwen", "Caspian", "Dahlia",
			"Ezekiel", "Fenella", "Gideon", "Hyacinth", "Ignatius", "Juno", "Kestrel", "Lysander", "Mabel", "Nimbus",
			"Octavia", "Peregrine", "Quentin", "Rosalind", "Silas", "Tamsin", "Ulysses", "Verity", "Wendell", "Xanthe",
			"Yorick", "Zinnia", "Aurelio", "Bellamy", "Cordelia", "Dorian", "Elowen", "Florian", "Gwendolyn", "Horatio",
			"Isolde", "Jethro", "Kerensa", "Leopold", "Minerva", "Nathaniel", "Ophelia", "Percival", "Quilla", "Rupert",
			"Seraphina", "Thaddeus", "Umbra", "Valentine", "Winslow" };

	private static final String[] FAMILY_START = { "Amber", "Bramble", "Cobble", "Dapple", "Ember", "Fennel",
			"Gossamer", "Hazel", "Inkwell", "Juniper", "Kettle", "Lantern", "Marble", "Nettle", "Oak", "Pebble",
			"Quill", "Rook", "Saffron", "Thistle", "Umber", "Velvet", "Willow", "Yarrow", "Zephyr" };

	private static final String[] FAMILY_END = { "wick", "bottom", "feather", "worth", "brook", "thorn", "whistle",
			"moss", "field", "hollow", "pot", "stone", "bury", "shaw", "dale", "ford", "glen", "hurst", "ley", "more" };

	private static final String[] CITIES = { "Fablehaven", "Lower Puddleby", "Mirthwood", "Quillington",
			"Storybrook Falls", "Upper Nimbleton" };

	private final Random random;

	private final LocalDate today;

	private final Instant now;

	SyntheticPatients(long seed, LocalDate today, Instant now) {
		this.random = new Random(seed);
		this.today = today;
		this.now = now;
	}

	ImportedPatient next(List<UUID> nurses, List<UUID> therapists) {
		String given = pick(GIVEN);
		String family = pick(FAMILY_START) + pick(FAMILY_END);
		boolean minor = this.random.nextInt(100) < 5;
		int age = minor ? 13 + this.random.nextInt(5) : 18 + this.random.nextInt(62);
		LocalDate birthDate = this.today.minusYears(age).minusDays(1 + this.random.nextInt(360));
		SexAtBirth sex = (this.random.nextBoolean()) ? SexAtBirth.FEMALE : SexAtBirth.MALE;
		String pronouns = switch (this.random.nextInt(10)) {
			case 0 -> "they/them";
			case 1, 2, 3, 4 -> (sex == SexAtBirth.FEMALE) ? "she/her" : "he/him";
			default -> null;
		};
		List<Guardian> guardians = minor ? List.of(new Guardian(pick(GIVEN) + " " + family,
				this.random.nextBoolean() ? "Parent" : "Legal guardian", phone(), null)) : List.of();
		List<UUID> careTeam = new ArrayList<>();
		if (this.random.nextInt(100) < 60) {
			careTeam.add(nurses.get(this.random.nextInt(nurses.size())));
		}
		if (this.random.nextInt(100) < 70) {
			careTeam.add(therapists.get(this.random.nextInt(therapists.size())));
		}
		return new ImportedPatient(uuid(), given, family, (this.random.nextInt(8) == 0) ? given.substring(0, 3) : null,
				pronouns, birthDate, sex, phone(),
				given.toLowerCase(Locale.ROOT) + "." + family.toLowerCase(Locale.ROOT) + this.random.nextInt(1000)
						+ "@example.test",
				pick(CITIES), "Fictional County", pick(GIVEN) + " " + family, phone(), guardians, measurements(minor),
				careTeam);
	}

	/**
	 * Weekly PHQ-9s of a course that mostly improves: a baseline of 10 to 24 falling by
	 * about two points a week, with noise. Item 9 stays 0 (imported history raises no
	 * risk flags).
	 */
	List<ImportedAnswers> phq9Course(UUID patientId, int count) {
		List<ImportedAnswers> course = new ArrayList<>(count);
		int baseline = 10 + this.random.nextInt(15);
		for (int week = 0; week < count; week++) {
			int total = Math.max(0, Math.min(24, baseline - 2 * week + this.random.nextInt(5) - 2));
			List<Integer> answers = new ArrayList<>(10);
			int left = total;
			for (int item = 0; item < 8; item++) {
				int value = Math.min(3, Math.min(left, this.random.nextInt(4)));
				answers.add(value);
				left -= value;
			}
			for (int item = 0; item < 8 && left > 0; item++) {
				int add = Math.min(3 - answers.get(item), left);
				answers.set(item, answers.get(item) + add);
				left -= add;
			}
			answers.add(0);
			answers.add(this.random.nextInt(4));
			course.add(new ImportedAnswers(patientId, "PHQ-9", answers,
					this.now.minus(Duration.ofDays(7L * (count - week)))));
		}
		return course;
	}

	private List<ImportedMeasurement> measurements(boolean minor) {
		int count = 1 + this.random.nextInt(3);
		double weight = minor ? 45 + this.random.nextInt(30) : 50 + this.random.nextInt(70);
		BigDecimal height = BigDecimal.valueOf(minor ? 150 + this.random.nextInt(30) : 155 + this.random.nextInt(40));
		List<ImportedMeasurement> measurements = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			weight += this.random.nextGaussian();
			Instant at = this.now.minus(Duration.ofDays(30L * (count - i) + this.random.nextInt(20)));
			measurements.add(new ImportedMeasurement(BigDecimal.valueOf(weight).setScale(1, RoundingMode.HALF_UP),
					(i == 0) ? height : null, at));
		}
		return measurements;
	}

	/**
	 * A version-4 UUID drawn from the seeded generator, so the same seed gives the same
	 * ids.
	 */
	private UUID uuid() {
		long high = (this.random.nextLong() & ~0xF000L) | 0x4000L;
		long low = (this.random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
		return new UUID(high, low);
	}

	private String phone() {
		return "555-01" + String.format("%02d", this.random.nextInt(100));
	}

	private String pick(String[] values) {
		return values[this.random.nextInt(values.length)];
	}

}
