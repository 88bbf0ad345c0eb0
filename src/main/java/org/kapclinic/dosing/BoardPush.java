package org.kapclinic.dosing;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Pushes "something changed" to open floor boards over server-sent events, after the
 * commit, so a board shows a new alert within a fraction of a second. Changes are
 * coalesced (at most one push every 250 ms, however many vitals arrive); the board
 * fetches its rows itself and still polls every few seconds, which also covers changes
 * made on another app instance. The push carries no patient data.
 */
@Component
class BoardPush {

	private final List<SseEmitter> emitters = new CopyOnWriteArrayList<>();

	private final AtomicBoolean dirty = new AtomicBoolean();

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
		this.dirty.set(true);
	}

	@Scheduled(fixedDelay = 250)
	void flush() {
		if (!this.dirty.getAndSet(false)) {
			return;
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
