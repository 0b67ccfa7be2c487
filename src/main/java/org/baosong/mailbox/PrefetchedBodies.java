package org.baosong.mailbox;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;

import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.MessageSet;

/**
 * Fetches the raw bytes of small messages several at a time, one {@code FETCH <set> BODY.PEEK[]} per
 * group, instead of one round trip per message. Bounded: only messages up to {@code maxMessage}
 * bytes (RFC822.SIZE), and at most {@code perPass} bytes held per pass; everything else is streamed
 * message by message. The bytes are the server's, untouched, as the archive needs them. They are keyed
 * by UID: a message expunged meanwhile (by another client, or by a purge) renumbers the others, so a
 * sequence number may name another message by the time the bytes are used.
 */
final class PrefetchedBodies {

	static final String HEADER = "baosong_rawMessage";

	private final long maxMessage;

	private final long perPass;

	PrefetchedBodies(long maxMessage, long perPass) {
		this.maxMessage = maxMessage;
		this.perPass = perPass;
	}

	/** UID to raw bytes, for the messages that were prefetched. */
	Map<Long, byte[]> fetch(IMAPFolder folder, Message[] messages) throws MessagingException {
		var numbers = new ArrayList<Integer>();
		long total = 0;
		for (Message message : messages) {
			long size = message.getSize();
			if (size >= 0 && size <= maxMessage && total + size <= perPass) {
				numbers.add(message.getMessageNumber());
				total += size;
			}
		}
		if (numbers.size() < 2) {
			return Map.of(); // one message gains nothing over streaming it
		}
		int[] set = numbers.stream().mapToInt(Integer::intValue).toArray();
		@SuppressWarnings("unchecked")
		Map<Long, byte[]> bodies = (Map<Long, byte[]>) folder.doCommand(protocol -> {
			Response[] responses = protocol.fetch(MessageSet.createMessageSets(set), "UID BODY.PEEK[]");
			var out = new HashMap<Long, byte[]>();
			List<Response> others = new ArrayList<>();
			for (Response response : responses) {
				if (response instanceof FetchResponse fetch && fetch.getItem(BODY.class) != null
						&& fetch.getItem(org.eclipse.angus.mail.imap.protocol.UID.class) != null) {
					out.put(fetch.getItem(org.eclipse.angus.mail.imap.protocol.UID.class).uid,
							fetch.getItem(BODY.class).getByteArray().getNewBytes());
				}
				else {
					others.add(response);
				}
			}
			// EXISTS, EXPUNGE and the tagged result go where the folder expects them
			protocol.notifyResponseHandlers(others.toArray(Response[]::new));
			protocol.handleResult(responses[responses.length - 1]);
			return out;
		});
		return bodies;
	}
}
