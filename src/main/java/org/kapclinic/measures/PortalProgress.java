package org.kapclinic.measures;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.kapclinic.shared.ClinicTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The patient's own scores over time, in words and as a small chart (issue 21): for each
 * questionnaire of {@code kap.measures.portal-progress.instruments} with a complete
 * score, the first and latest total with their severity in words, how far it moved, and
 * the points for a chart drawn on the server (no chart library on the patient's phone).
 * It says what a lower score means and leaves judging to the care team. Only the patient
 * (or a guardian where the clinic's policy allows) reaches it.
 */
@Service
class PortalProgress {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy");

	/** The chart's drawing area (SVG user units). */
	static final int WIDTH = 320;

	static final int HEIGHT = 120;

	/** One score as the patient reads it. */
	record Point(String day, String total, String severity, double x, double y) {
	}

	/**
	 * One questionnaire's story: its name, what changed in words, the chart's points
	 * ("x,y x,y") and the scores oldest first.
	 */
	record Trajectory(String code, String name, String summary, String polyline, List<Point> points, String scale) {
	}

	private final JdbcClient jdbc;

	private final InstrumentLibrary library;

	private final PortalProgressSettings settings;

	private final ClinicTime clinicTime;

	private final AuditTrail audit;

	PortalProgress(JdbcClient jdbc, InstrumentLibrary library, PortalProgressSettings settings, ClinicTime clinicTime,
			AuditTrail audit) {
		this.jdbc = jdbc;
		this.library = library;
		this.settings = settings;
		this.clinicTime = clinicTime;
		this.audit = audit;
	}

	// Its own transaction: the audit row is written without holding a read-only one open
	// while the audit writer commits (the pool starvation SelfReports.current had).
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	@PreAuthorize("@selfAccess.seesPrivate(#patientId)")
	public List<Trajectory> of(UUID patientId) {
		Map<String, List<Object[]>> byInstrument = new LinkedHashMap<>();
		this.jdbc.sql("""
				select instrument, administered_at, total, severity from measures.measurement
				where patient_id = ? and complete and total is not null and instrument = any(?)
				order by administered_at, id""")
			.params(patientId, this.settings.instruments().toArray(String[]::new))
			.query((rs,
					n) -> new Object[] { rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getBigDecimal(3),
							rs.getString(4) })
			.list()
			.forEach((row) -> byInstrument.computeIfAbsent((String) row[0], (k) -> new ArrayList<>()).add(row));
		List<Trajectory> trajectories = new ArrayList<>();
		for (String code : this.settings.instruments()) {
			List<Object[]> rows = byInstrument.get(code);
			Instrument instrument = this.library.find(code).orElse(null);
			if (rows == null || instrument == null || instrument.scoring() == null) {
				continue;
			}
			trajectories.add(trajectory(instrument, rows.subList(Math.max(0, rows.size() - 24), rows.size())));
		}
		this.audit.record(AuditEvent.of(AuditAction.READ, "Measurement", null)
			.patient(patientId)
			.category(DataCategory.CLINICAL)
			.detail("own progress, portal: " + trajectories.size() + " questionnaires"));
		return trajectories;
	}

	private Trajectory trajectory(Instrument instrument, List<Object[]> rows) {
		ZoneId zone = this.clinicTime.timeZone();
		double min = instrument.scoring().min();
		double max = instrument.scoring().max();
		List<Point> points = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			Object[] row = rows.get(i);
			double total = ((BigDecimal) row[2]).doubleValue();
			double x = (rows.size() == 1) ? WIDTH / 2.0 : 8 + i * (WIDTH - 16.0) / (rows.size() - 1);
			double y = 8 + (HEIGHT - 16) * (1 - (total - min) / ((max > min) ? max - min : 1));
			points.add(new Point(DAY.format(((Instant) row[1]).atZone(zone)), plain((BigDecimal) row[2]),
					words((String) row[3]), Math.round(x * 10) / 10.0, Math.round(y * 10) / 10.0));
		}
		Point first = points.get(0);
		Point last = points.get(points.size() - 1);
		String latest = "Your latest score was " + last.total() + severityIn(last) + ", on " + last.day() + ".";
		String summary;
		if (points.size() == 1) {
			summary = latest;
		}
		else {
			BigDecimal change = ((BigDecimal) rows.get(rows.size() - 1)[2]).subtract((BigDecimal) rows.get(0)[2]);
			String moved = (change.signum() == 0) ? "the same as"
					: plain(change.abs()) + " points " + ((change.signum() < 0) ? "lower than" : "higher than");
			summary = latest + " That is " + moved + " your first, " + first.total() + severityIn(first) + " on "
					+ first.day() + ".";
		}
		String polyline = String.join(" ", points.stream().map((p) -> p.x() + "," + p.y()).toList());
		return new Trajectory(instrument.code(), instrument.name(), summary, polyline, points,
				"Scores run from " + plain(BigDecimal.valueOf(min)) + " to " + plain(BigDecimal.valueOf(max))
						+ "; a lower score means fewer symptoms.");
	}

	private static String severityIn(Point point) {
		return (point.severity() == null) ? "" : " (" + point.severity() + ")";
	}

	/** A band code in words: "moderately-severe" → "moderately severe". */
	private static String words(String band) {
		return (band == null) ? null : band.replace('-', ' ').replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
	}

	private static String plain(BigDecimal value) {
		return value.stripTrailingZeros().toPlainString();
	}

}
