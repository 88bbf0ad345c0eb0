package org.kapclinic.scheduling;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The schedule as a grid (issue 14 item 6), prepared here rather than in the template (a
 * clinic week is well over a thousand appointments): time as rows of
 * {@link #SLOT_MINUTES}, and as columns either every chair and room (or every staff
 * member) on one day, with an appointment spanning the rows it lasts, or the seven days
 * of a week, with the appointments starting in each slot. An empty cell carries the start
 * and column a booking there would take.
 */
final class ScheduleGrid {

	static final int SLOT_MINUTES = 30;

	private static final LocalTime DEFAULT_OPEN = LocalTime.of(7, 0);

	private static final LocalTime DEFAULT_CLOSE = LocalTime.of(20, 0);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

	private ScheduleGrid() {
	}

	/** A column: a chair, room or staff member on one day, or one day of a week. */
	record Column(String key, String heading, UUID roomId, UUID staffId, LocalDate day) {
	}

	/** One appointment as its card shows it. */
	record Card(Appointment appointment, String time, String typeLabel, String typeClass, String patient, String place,
			boolean today, boolean started) {

		public boolean booked() {
			return this.appointment.booked();
		}

		/** A dosing session: checked in on the dosing tab. */
		public boolean dosing() {
			return this.appointment.type() == AppointmentType.DOSING;
		}

	}

	/**
	 * A cell: the cards starting there (spanning {@code rows}), or empty (a booking slot
	 * at {@code start}), or covered by a card above it ({@code covered}).
	 */
	record Cell(List<Card> cards, int rows, boolean covered, LocalDateTime start, Column column) {

		public boolean empty() {
			return !this.covered && this.cards.isEmpty();
		}

	}

	record Row(String time, List<Cell> cells) {
	}

	record Grid(List<Column> columns, List<Row> rows) {
	}

	/**
	 * @param hours the clinic's opening hours per ISO weekday, or empty (07:00–20:00)
	 * @param columnOf which column an appointment belongs to (its key), or null to leave
	 * it out
	 */
	static Grid build(List<Column> columns, List<Card> cards, Map<Integer, LocalTime[]> hours, ZoneId zone,
			Function<Card, List<String>> columnOf, boolean span) {
		LocalTime[] shown = hoursShown(hours, cards, zone);
		LocalTime open = shown[0];
		LocalTime close = shown[1];
		int slots = (int) Math.ceil(java.time.Duration.between(open, close).toMinutes() / (double) SLOT_MINUTES);
		Map<String, Integer> index = new LinkedHashMap<>();
		for (int c = 0; c < columns.size(); c++) {
			index.put(columns.get(c).key(), c);
		}
		// cells[slot][column]: the cards starting there and how many rows they cover.
		List<List<List<Card>>> starts = new ArrayList<>();
		int[][] spans = new int[slots][columns.size()];
		for (int s = 0; s < slots; s++) {
			List<List<Card>> row = new ArrayList<>();
			for (int c = 0; c < columns.size(); c++) {
				row.add(new ArrayList<>());
			}
			starts.add(row);
		}
		for (Card card : cards) {
			LocalTime start = card.appointment().start().atZone(zone).toLocalTime();
			int slot = Math.max(0, (int) (java.time.Duration.between(open, start).toMinutes() / SLOT_MINUTES));
			if (slot >= slots) {
				continue;
			}
			int rows = span ? Math.max(1, (int) Math.ceil(card.appointment().durationMinutes() / (double) SLOT_MINUTES))
					: 1;
			for (String key : columnOf.apply(card)) {
				Integer c = index.get(key);
				if (c == null) {
					continue;
				}
				// A card that starts under another one in its column joins that one.
				int at = slot;
				while (at > 0 && starts.get(at).get(c).isEmpty() && spans[at][c] == 0 && covered(spans, at, c)) {
					at--;
				}
				starts.get(at).get(c).add(card);
				spans[at][c] = Math.min(slots - at, Math.max(spans[at][c], rows + (slot - at)));
			}
		}
		return new Grid(columns, rows(columns, starts, spans, open));
	}

	/**
	 * The hours the grid shows: the clinic's opening hours (or 07:00–20:00), widened to
	 * every appointment shown.
	 */
	private static LocalTime[] hoursShown(Map<Integer, LocalTime[]> hours, List<Card> cards, ZoneId zone) {
		LocalTime open = DEFAULT_OPEN;
		LocalTime close = DEFAULT_CLOSE;
		if (!hours.isEmpty()) {
			open = hours.values().stream().map((h) -> h[0]).min(LocalTime::compareTo).orElse(DEFAULT_OPEN);
			close = hours.values().stream().map((h) -> h[1]).max(LocalTime::compareTo).orElse(DEFAULT_CLOSE);
		}
		for (Card card : cards) {
			LocalTime start = card.appointment().start().atZone(zone).toLocalTime();
			LocalTime end = card.appointment().end().atZone(zone).toLocalTime();
			open = start.isBefore(open) ? floor(start) : open;
			close = (end.isAfter(close) && !end.equals(LocalTime.MIDNIGHT)) ? end : close;
		}
		return new LocalTime[] { open, close };
	}

	/**
	 * One row per slot: a cell with the cards starting there and the rows they cover, a
	 * covered cell under them, or an empty cell.
	 */
	private static List<Row> rows(List<Column> columns, List<List<List<Card>>> starts, int[][] spans, LocalTime open) {
		int slots = spans.length;
		List<Row> rows = new ArrayList<>();
		int[] coveredTo = new int[columns.size()];
		LocalTime time = open;
		for (int s = 0; s < slots; s++) {
			List<Cell> cells = new ArrayList<>();
			for (int c = 0; c < columns.size(); c++) {
				Column column = columns.get(c);
				LocalDateTime at = column.day().atTime(time);
				if (s < coveredTo[c]) {
					cells.add(new Cell(List.of(), 0, true, at, column));
				}
				else if (!starts.get(s).get(c).isEmpty()) {
					cells.add(new Cell(starts.get(s).get(c), spans[s][c], false, at, column));
					coveredTo[c] = s + spans[s][c];
				}
				else {
					cells.add(new Cell(List.of(), 1, false, at, column));
				}
			}
			rows.add(new Row(TIME.format(time), cells));
			time = time.plusMinutes(SLOT_MINUTES);
		}
		return rows;
	}

	/** Whether a slot of a column lies under a card that started above it. */
	private static boolean covered(int[][] spans, int slot, int column) {
		for (int above = slot - 1; above >= 0; above--) {
			if (spans[above][column] > 0) {
				return above + spans[above][column] > slot;
			}
		}
		return false;
	}

	private static LocalTime floor(LocalTime time) {
		return time.withMinute((time.getMinute() / SLOT_MINUTES) * SLOT_MINUTES).withSecond(0).withNano(0);
	}

	static LocalDate weekStart(LocalDate day) {
		return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
	}

	static boolean started(Appointment appointment, Instant now) {
		return !appointment.start().isAfter(now);
	}

}
