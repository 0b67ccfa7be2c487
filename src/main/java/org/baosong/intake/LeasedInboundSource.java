package org.baosong.intake;

import java.lang.management.ManagementFactory;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.MDC;

import org.baosong.mailbox.InboundMessages;
import org.springframework.integration.core.MessageSource;
import org.springframework.integration.support.MessageBuilder;
import org.springframework.messaging.Message;

/**
 * The durable hand-off between receipt and processing: received messages are claimed from
 * {@code inbound_mail} with a lease (a batch per claim, each claim with its own owner token) and
 * handed to the flow one by one. Nothing lives only in memory: a node that dies leaves its leases to
 * run out, and another node (or this one, restarted) claims the messages again.
 */
final class LeasedInboundSource implements MessageSource<IntakeWork> {

	static final String MDC_KEY = "inbound";

	private static final String NODE = ManagementFactory.getRuntimeMXBean().getName();

	private final InboundMessages inbound;

	private final IntakeProperties properties;

	private final AtomicLong claims = new AtomicLong();

	private final Deque<IntakeWork> claimed = new ArrayDeque<>();

	LeasedInboundSource(InboundMessages inbound, IntakeProperties properties) {
		this.inbound = inbound;
		this.properties = properties;
	}

	@Override
	public synchronized Message<IntakeWork> receive() {
		if (claimed.isEmpty()) {
			String owner = NODE + "#" + claims.incrementAndGet();
			inbound.claim(owner, properties.batchSize(), properties.lease()).forEach(id -> claimed.add(new IntakeWork(id, owner)));
		}
		IntakeWork work = claimed.poll();
		if (work == null) {
			return null;
		}
		MDC.put(MDC_KEY, String.valueOf(work.inboundId));
		return MessageBuilder.withPayload(work).build();
	}
}
