package org.baosong.mailbox;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * One official mailbox, from {@code baosong.mailboxes[n]}. The password comes from the
 * environment ({@code password: ${BAOSONG_MAILBOX_MAIN_PASSWORD}}), never from a file in the repo.
 *
 * @param id              stable identifier, stored with every message received from this mailbox
 * @param protocol        imap, imaps, pop3 or pop3s
 * @param folder          the folder that receives submissions
 * @param processedFolder if set, messages are moved here after their receipt has committed
 * @param profile         the jurisdiction profile its mail is judged by; empty means the deployment's own
 * @param pollInterval    polling interval when IDLE is not available
 * @param idle            use IMAP IDLE where the server offers it
 * @param maxMessageSize  larger messages are recorded from RFC822.SIZE and not downloaded
 */
public record MailboxDefinition(
		@NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]*", message = "must be lower-case letters, digits and '-'") String id,
		@NotNull @Pattern(regexp = "imap|imaps|pop3|pop3s", message = "must be one of imap, imaps, pop3, pop3s") String protocol,
		@NotBlank String host,
		@Min(1) @Max(65535) int port,
		@NotBlank String username,
		@NotBlank String password,
		@NotBlank @DefaultValue("INBOX") String folder,
		String processedFolder,
		String profile,
		@NotNull @DefaultValue("30s") Duration pollInterval,
		@DefaultValue("true") boolean idle,
		@NotNull @DefaultValue("50MB") DataSize maxMessageSize) {

	public boolean isImap() {
		return protocol.startsWith("imap");
	}

	/** The definition with its profile resolved to the deployment's when it named none. */
	MailboxDefinition withProfile(String profileId) {
		return new MailboxDefinition(id, protocol, host, port, username, password, folder, processedFolder, profileId,
				pollInterval, idle, maxMessageSize);
	}

	@Override
	public String toString() {
		// never print the password
		return "Mailbox[" + id + " " + protocol + "://" + username + "@" + host + ":" + port + "/" + folder + "]";
	}
}
