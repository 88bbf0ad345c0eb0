package org.kapclinic.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import tools.jackson.databind.json.JsonMapper;

import org.kapclinic.shared.TimeOrderedIds;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signed checkpoints of the audit chain, written outside the database: how many seals
 * there were, the last one and its link, under an HMAC with the audit key. Whoever can
 * write the database can delete the newest rows together with their seals, and the chain
 * that is left still verifies; a checkpoint written before the deletion says there were
 * more ({@link AuditVerifier#verify(Checkpoint)}), and cannot be rewritten without the
 * key.
 */
@Component
class AuditCheckpoints {

	/** One writer across instances (PostgreSQL advisory lock). */
	private static final long ADVISORY_LOCK = 0x4b4150_43484b50L; // "KAP" "CHKP"

	private static final String PREFIX = "checkpoint-";

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final AuditKey key;

	private final JsonMapper json;

	private final Clock clock;

	private final Path directory;

	private final AuditCheckpointMail mail;

	AuditCheckpoints(JdbcClient jdbc, PlatformTransactionManager transactions, AuditKey key, JsonMapper json,
			Clock clock, AuditSettings settings, Environment environment, AuditCheckpointMail mail) {
		this.mail = mail;
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactions);
		this.key = key;
		this.json = json;
		this.clock = clock;
		this.directory = (settings.checkpointDir() != null) ? settings.checkpointDir()
				: Path.of(environment.getProperty("kap.data-dir", "./data"), "audit-checkpoints");
	}

	/**
	 * One checkpoint of the chain as sealed now.
	 *
	 * @param id the checkpoint
	 * @param createdAt when it was written
	 * @param entries how many seals the chain had
	 * @param lastEntryId the audit entry of the last seal
	 * @param lastPosition the last seal's position in the chain
	 * @param head the last seal's link
	 * @param hmac HMAC-SHA256 of the fields above under the audit key
	 */
	record Checkpoint(UUID id, Instant createdAt, long entries, long lastEntryId, long lastPosition, String head,
			String hmac) {
	}

	@Scheduled(fixedDelayString = "${kap.audit.checkpoint-interval:1m}",
			initialDelayString = "${kap.audit.checkpoint-interval:1m}")
	void writeOnSchedule() {
		write().ifPresent(this.mail::written);
	}

	/**
	 * Writes a checkpoint when the chain grew since the newest one; returns it (or empty
	 * when nothing changed or another instance is writing).
	 */
	Optional<Checkpoint> write() {
		return this.transactions.execute((status) -> {
			if (!this.jdbc.sql("select pg_try_advisory_xact_lock(?)")
				.param(ADVISORY_LOCK)
				.query(Boolean.class)
				.single()) {
				return Optional.empty();
			}
			Optional<Checkpoint> newest = newest();
			long after = newest.map(Checkpoint::lastPosition).orElse(0L);
			record Head(long position, long entryId, String hash, long added) {
			}
			Optional<Head> head = this.jdbc.sql("""
					select position, entry_id, hash, (select count(*) from audit.seal where position > :after) as added
					from audit.seal where position > :after order by position desc limit 1""")
				.param("after", after)
				.query((rs, n) -> new Head(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4)))
				.optional();
			if (head.isEmpty()) {
				return Optional.empty();
			}
			UUID id = TimeOrderedIds.next();
			Instant now = Instant.now(this.clock);
			long entries = newest.map(Checkpoint::entries).orElse(0L) + head.get().added();
			Checkpoint checkpoint = new Checkpoint(id, now, entries, head.get().entryId(), head.get().position(),
					head.get().hash(),
					sign(id, now, entries, head.get().entryId(), head.get().position(), head.get().hash()));
			store(checkpoint);
			return Optional.of(checkpoint);
		});
	}

	/** The checkpoints, newest first (at most {@code limit}). */
	List<Checkpoint> list(int limit) {
		return files().sorted(Comparator.reverseOrder()).limit(limit).map(this::read).toList();
	}

	Optional<Checkpoint> find(UUID id) {
		return files().filter((file) -> file.getFileName().toString().endsWith(id + ".json"))
			.findFirst()
			.map(this::read);
	}

	/** Whether the checkpoint is as the key signed it. */
	boolean authentic(Checkpoint checkpoint) {
		return sign(checkpoint.id(), checkpoint.createdAt(), checkpoint.entries(), checkpoint.lastEntryId(),
				checkpoint.lastPosition(), checkpoint.head())
			.equals(checkpoint.hmac());
	}

	private Optional<Checkpoint> newest() {
		return files().max(Comparator.naturalOrder()).map(this::read);
	}

	private String sign(UUID id, Instant createdAt, long entries, long lastEntryId, long lastPosition, String head) {
		return this.key.hmac("checkpoint", id.toString(), createdAt.toString(), Long.toString(entries),
				Long.toString(lastEntryId), Long.toString(lastPosition), head);
	}

	/**
	 * Named by time and id, so that the names sort as the checkpoints were written;
	 * written to a temporary file and moved, so a reader never sees half a checkpoint.
	 */
	private void store(Checkpoint checkpoint) {
		try {
			Files.createDirectories(this.directory);
			String name = PREFIX + String.format("%019d", checkpoint.createdAt().toEpochMilli()) + "-" + checkpoint.id()
					+ ".json";
			Path temporary = Files.createTempFile(this.directory, ".checkpoint", ".tmp");
			Files.writeString(temporary, this.json.writeValueAsString(checkpoint));
			try {
				Files.move(temporary, this.directory.resolve(name), StandardCopyOption.ATOMIC_MOVE);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(temporary, this.directory.resolve(name));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write an audit checkpoint to " + this.directory, ex);
		}
	}

	private Stream<Path> files() {
		if (!Files.isDirectory(this.directory)) {
			return Stream.empty();
		}
		try (Stream<Path> listed = Files.list(this.directory)) {
			return listed.filter((file) -> file.getFileName().toString().startsWith(PREFIX)).toList().stream();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Checkpoint read(Path file) {
		try {
			return this.json.readValue(Files.readString(file), Checkpoint.class);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
