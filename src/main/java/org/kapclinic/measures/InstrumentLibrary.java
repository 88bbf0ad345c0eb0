package org.kapclinic.measures;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import tools.jackson.databind.json.JsonMapper;

import org.kapclinic.measures.Instrument.Band;
import org.kapclinic.measures.Instrument.Item;
import org.kapclinic.measures.Instrument.Option;
import org.kapclinic.measures.Instrument.Subscale;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Loads every {@code instruments/*.json} at start and refuses to start on a malformed
 * one: bands must cover the score range without gaps or overlaps, options must lie in
 * range, subscales must name existing items, algorithms must be known.
 */
@Component
class InstrumentLibrary {

	static final Set<String> ALGORITHMS = Set.of("PCL5_DSM5", "AUDIT_C_SEX_CUTOFF", "QIDS_DOMAINS", "MDQ_POSITIVE",
			"CSSRS_RISK");

	private final Map<String, Instrument> byCode = new TreeMap<>();

	InstrumentLibrary(JsonMapper json) {
		try {
			for (Resource resource : new PathMatchingResourcePatternResolver()
				.getResources("classpath:instruments/*.json")) {
				try (InputStream in = resource.getInputStream()) {
					Instrument instrument = json.readValue(in, Instrument.class);
					List<String> problems = problems(instrument);
					if (!problems.isEmpty()) {
						throw new IllegalStateException(resource.getFilename() + ": " + problems);
					}
					this.byCode.put(instrument.code(), instrument);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public List<Instrument> all() {
		return List.copyOf(this.byCode.values());
	}

	public Optional<Instrument> find(String code) {
		return Optional.ofNullable(this.byCode.get(code));
	}

	static List<String> problems(Instrument instrument) {
		List<String> problems = new ArrayList<>();
		Instrument.Scoring scoring = instrument.scoring();
		if (!Set.of("SUM", "MEAN", "NONE").contains(scoring.type())) {
			problems.add("unknown scoring type " + scoring.type());
		}
		if (scoring.algorithm() != null && !ALGORITHMS.contains(scoring.algorithm())) {
			problems.add("unknown algorithm " + scoring.algorithm());
		}
		Set<String> ids = new HashSet<>();
		for (Item item : instrument.items()) {
			if (!ids.add(item.id())) {
				problems.add("duplicate item id " + item.id());
			}
			if (item.options() == null || item.options().isEmpty()) {
				problems.add("item " + item.id() + " has no options");
				continue;
			}
			for (Option option : item.options()) {
				if (item.scored() && (option.score() < 0 || option.score() > scoring.max())) {
					problems.add("item " + item.id() + " option out of range: " + option.score());
				}
			}
		}
		for (Subscale subscale : scoring.subscales()) {
			subscale.items()
				.stream()
				.filter((id) -> !ids.contains(id))
				.forEach((id) -> problems.add("subscale " + subscale.code() + " names unknown item " + id));
		}
		scoring.flags()
			.stream()
			.filter((flag) -> !Boolean.TRUE.equals(flag.total()) && !ids.contains(flag.item()))
			.forEach((flag) -> problems.add("flag " + flag.code() + " names unknown item " + flag.item()));
		problems.addAll(bandProblems(scoring));
		problems.addAll(outcomeProblems(instrument));
		return problems;
	}

	static final Set<String> CHANGE_KINDS = Set.of("MINIMAL_IMPORTANT_DIFFERENCE", "RELIABLE_CHANGE_INDEX",
			"RELIABLE_IMPROVEMENT");

	/**
	 * Outcome definitions, where present, set exactly one threshold and name their
	 * source.
	 */
	private static List<String> outcomeProblems(Instrument instrument) {
		List<String> problems = new ArrayList<>();
		Instrument.Response response = instrument.response();
		if (response != null && ((response.reductionPercent() == null) == (response.reductionPoints() == null)
				|| blank(response.source()))) {
			problems.add("response needs exactly one of reductionPercent and reductionPoints, and a source");
		}
		Instrument.Remission remission = instrument.remission();
		if (remission != null
				&& ((remission.below() == null) == (remission.atMost() == null) || blank(remission.source()))) {
			problems.add("remission needs exactly one of below and atMost, and a source");
		}
		for (Instrument.Change change : java.util.Arrays.asList(instrument.meaningfulChange(),
				instrument.reliableChange())) {
			if (change != null
					&& (!CHANGE_KINDS.contains(change.kind()) || change.points() <= 0 || blank(change.source()))) {
				problems.add("a change needs a kind of " + CHANGE_KINDS + ", points above 0 and a source");
			}
		}
		return problems;
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	/**
	 * Bands, when present, must tile [min, max] (MEAN totals have one decimal, so 0.1
	 * steps).
	 */
	private static List<String> bandProblems(Instrument.Scoring scoring) {
		List<String> problems = new ArrayList<>();
		List<Band> bands = scoring.bands();
		if (bands.isEmpty()) {
			return problems;
		}
		if (Math.abs(bands.get(0).min() - scoring.min()) > 1e-9 && bands.get(0).min() > scoring.min()) {
			problems.add("bands start at " + bands.get(0).min() + ", not at " + scoring.min());
		}
		for (int i = 1; i < bands.size(); i++) {
			double gap = bands.get(i).min() - bands.get(i - 1).max();
			if (Math.abs(gap - 1) > 1e-9) {
				problems.add(
						"bands " + bands.get(i - 1).code() + " and " + bands.get(i).code() + " leave a gap or overlap");
			}
		}
		if (bands.get(bands.size() - 1).max() < scoring.max()) {
			problems.add("bands end below " + scoring.max());
		}
		return problems;
	}

}
