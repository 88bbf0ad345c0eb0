/**
 * Outgoing e-mail through a transactional outbox: modules call
 * {@link org.kapclinic.notification.Outbox#enqueue} inside their own transaction, and a
 * dispatcher delivers over SMTP after commit, retrying with backoff. Depends on audit
 * because an administrator's retry and view of failed mails are audited.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications",
		allowedDependencies = { "audit", "shared" })
package org.kapclinic.notification;
