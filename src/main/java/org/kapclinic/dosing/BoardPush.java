package org.kapclinic.dosing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.kapclinic.shared.ClusterSignals;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Pushes "something changed" to open floor boards over server-sent events, after the
 * commit, so a board shows a new alert within a fraction of a second. Changes are
 * coalesced (at most one push every 250 ms, however many vitals arrive). The push carries
 * no patient data; the board fetches its rows itself (and still polls every few seconds).
 *
 * <p>
 * With several app instances (issue 17), each flush also tells the others which sessions
 * changed here, over {@link ClusterSignals} (one NOTIFY per 250 ms at most, not one per
 * reading): their boards are pushed too, and they drop their copies of those sessions
 * ({@link RecentSessions}), so a vital recorded on one instance reaches a board open on
 * another within half a second.
 */
@Component
class BoardPush {

	private static final String SIGNAL = "sessions-changed";

	/** A NOTIFY payload holds at most 8000 bytes: 150 ids of 37 characters. */
	private static final int IDS_PER_SIGNAL = 150;

	private final List<SseEmitter> emitters = new CopyOnWriteArrayList<>();

	private final Set<UUID> changedHere = ConcurrentHashMap.newKeySet();

	private final AtomicBoolean changedElsewhere = new AtomicBoolean();

	private final ClusterSignals signals;

	private final RecentSessions recent;

	/**
	 * {@code kap_board_push_delay_seconds}: from the commit of the oldest change a push
	 * carries to the push reaching this instance's open boards (issue 17, "alert-to-board
	 * latency"; the board then fetches its rows).
	 */
	private final Timer pushDelay;

	/** System.nanoTime() of the oldest change not pushed yet; 0: none. */
	private final AtomicLong oldestChange = new AtomicLong();

	BoardPush(ClusterSignals signals, RecentSessions recent, MeterRegistry meters) {
		this.pushDelay = Timer.builder("kap.board.push.delay")
			.description("From a session change's commit to the push to open floor boards")
			.register(meters);
		this.signals = signals;
		this.recent = recent;
		signals.subscribe(SIGNAL, this::changedElsewhere);
	}

	SseEmitter subscribe() {
		SseEmitter emitter = new SseEmitter(java.time.Duration.ofMinutes(30).toMillis());
		this.emitters.add(emitter);
		emitter.onCompletion(() -> this.emitters.remove(emitter));
		emitter.onTimeout(() -> this.emitters.remove(emitter));
		emitter.onError((ex) -> this.emitters.remove(emitter));
		try {
			// A first line at once: the response starts now, not at the first change.
			emitter.send(SseEmitter.event().comment("connected"));
		}
		catch (IOException ex) {
			this.emitters.remove(emitter);
		}
		return emitter;
	}

	/** Open streams would hold a graceful shutdown for its whole timeout. */
	@org.springframework.context.event.EventListener(org.springframework.context.event.ContextClosedEvent.class)
	void close() {
		this.emitters.forEach(SseEmitter::complete);
		this.emitters.clear();
	}

	@TransactionalEventListener
	void changed(SessionChanged event) {
		this.oldestChange.compareAndSet(0, System.nanoTime());
		this.changedHere.add(event.sessionId());
	}

	/**
	 * "instance id,session id,…" from any instance; null after a gap in which signals may
	 * have been lost.
	 */
	private void changedElsewhere(String payload) {
		if (payload == null) {
			this.recent.forgetAll();
			this.changedElsewhere.set(true);
			return;
		}
		String[] parts = payload.split(",");
		if (parts[0].equals(this.signals.instance())) {
			return;
		}
		for (int i = 1; i < parts.length; i++) {
			this.recent.forget(UUID.fromString(parts[i]));
		}
		this.changedElsewhere.set(true);
	}

	@Scheduled(fixedDelay = 250)
	void flush() {
		List<UUID> here = new ArrayList<>(this.changedHere);
		this.changedHere.removeAll(here);
		for (int from = 0; from < here.size(); from += IDS_PER_SIGNAL) {
			StringBuilder payload = new StringBuilder(this.signals.instance());
			here.subList(from, Math.min(here.size(), from + IDS_PER_SIGNAL))
				.forEach((id) -> payload.append(',').append(id));
			this.signals.publish(SIGNAL, payload.toString());
		}
		boolean elsewhere = this.changedElsewhere.getAndSet(false);
		long oldest = here.isEmpty() ? 0 : this.oldestChange.getAndSet(0);
		if (here.isEmpty() && !elsewhere) {
			return;
		}
		if (oldest != 0 && !this.emitters.isEmpty()) {
			this.pushDelay.record(System.nanoTime() - oldest, TimeUnit.NANOSECONDS);
		}
		for (SseEmitter emitter : this.emitters) {
			try {
				emitter.send(SseEmitter.event().name("changed").data("1"));
			}
			catch (IOException | IllegalStateException ex) {
				this.emitters.remove(emitter);
			}
		}
	}

}
