package org.baosong.mime;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.parser.ContentHandler;
import org.apache.james.mime4j.stream.BodyDescriptor;
import org.apache.james.mime4j.stream.Field;

import org.baosong.archive.BlobStore;
import org.baosong.mime.MailPart.Role;

/**
 * Receives Mime4j's events for one message: keeps a stack of entities with their headers and
 * decides what each leaf part is (text body, HTML body, attachment, inline image, forwarded message),
 * streaming every part's decoded content into the archive as it goes.
 */
final class ParseSession implements ContentHandler {

	private final MimeLimits limits;

	private final PartWriter writer;

	private final Deque<Entity> stack = new ArrayDeque<>();

	final List<String> notes = new ArrayList<>();

	final List<MailPart> bodies = new ArrayList<>();

	final List<MailPart> attachments = new ArrayList<>();

	final List<MailPart> inline = new ArrayList<>();

	final List<ParsedMail.NestedMessage> nested = new ArrayList<>();

	RawHeaders top;

	String textBody;

	boolean textTruncated;

	String htmlBody;

	int headerCount;

	int partCount;

	ParseSession(MimeLimits limits, BlobStore blobs) {
		this.limits = limits;
		this.writer = new PartWriter(blobs, limits, notes);
	}

	private static final class Entity {

		final String path;

		final String parentMultipart;

		final RawHeaders headers;

		String multipart;

		int children;

		Entity(String path, String parentMultipart, RawHeaders headers) {
			this.path = path;
			this.parentMultipart = parentMultipart;
			this.headers = headers;
		}
	}

	@Override
	public void startMessage() {
		if (stack.isEmpty()) {
			top = new RawHeaders(notes);
			stack.push(new Entity("1", null, top));
		}
	}

	@Override
	public void endMessage() {
		stack.poll();
	}

	@Override
	public void startBodyPart() throws MimeException {
		if (++partCount > limits.maxParts()) {
			throw new MimeException("more than " + limits.maxParts() + " MIME parts");
		}
		Entity parent = stack.peek();
		parent.children++;
		stack.push(new Entity(parent.path + "." + parent.children, parent.multipart, new RawHeaders(notes)));
	}

	@Override
	public void endBodyPart() {
		stack.pop();
	}

	@Override
	public void startHeader() {
	}

	@Override
	public void field(Field field) throws MimeException {
		if (++headerCount > limits.maxHeaders() * 4) {
			throw new MimeException("more than " + limits.maxHeaders() * 4 + " header fields in the message");
		}
		stack.peek().headers.add(field);
	}

	@Override
	public void endHeader() {
	}

	@Override
	public void preamble(InputStream is) {
	}

	@Override
	public void epilogue(InputStream is) {
	}

	@Override
	public void startMultipart(BodyDescriptor bd) throws MimeException {
		if (stack.size() > limits.maxDepth()) {
			throw new MimeException("MIME nesting deeper than " + limits.maxDepth() + " levels");
		}
		stack.peek().multipart = bd.getSubType() == null ? "mixed" : bd.getSubType().toLowerCase(Locale.ROOT);
	}

	@Override
	public void endMultipart() {
	}

	@Override
	public void raw(InputStream is) {
	}

	@Override
	public void body(BodyDescriptor bd, InputStream is) throws MimeException, IOException {
		Entity entity = stack.peek();
		String type = bd.getMimeType() == null ? "text/plain" : bd.getMimeType().toLowerCase(Locale.ROOT);
		MimeParameters contentType = MimeParameters.parse(entity.headers.first("content-type"));
		MimeParameters disposition = MimeParameters.parse(entity.headers.first("content-disposition"));
		String filename = disposition.get("filename") != null ? disposition.get("filename") : contentType.get("name");
		if (filename != null && filename.isBlank()) {
			filename = null;
		}
		String contentId = contentId(entity.headers.first("content-id"));
		boolean attachment = disposition.value().equals("attachment");
		Role role;
		if (type.equals("message/rfc822") || type.equals("message/global")) {
			role = Role.NESTED_MESSAGE;
		}
		else if (!attachment && filename == null && (type.equals("text/plain") || type.equals("text/html"))) {
			role = type.equals("text/plain") ? Role.TEXT : Role.HTML;
		}
		else if (!attachment && contentId != null && "related".equals(entity.parentMultipart)) {
			role = Role.INLINE;
		}
		else {
			role = Role.ATTACHMENT;
		}
		switch (role) {
			case TEXT, HTML -> textPart(entity, role, type, contentType.get("charset"), is);
			case NESTED_MESSAGE -> nested.add(writer.nested(entity.path, type, filename, is));
			case INLINE -> inline.add(writer.binary(entity.path, Role.INLINE, type, filename, contentId, is));
			case ATTACHMENT -> attachments.add(writer.binary(entity.path, Role.ATTACHMENT, type, filename, contentId, is));
		}
	}

	private void textPart(Entity entity, Role role, String type, String charset, InputStream is) throws IOException {
		PartWriter.Text text = writer.text(entity.path, role, type, charset, is);
		bodies.add(text.part());
		if (role == Role.TEXT && textBody == null) {
			textBody = text.text();
			textTruncated = text.truncated();
		}
		else if (role == Role.HTML && htmlBody == null) {
			htmlBody = text.text();
			if (textBody == null) {
				textTruncated = text.truncated();
			}
		}
	}

	private static String contentId(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String id = value.strip();
		return id.startsWith("<") && id.endsWith(">") ? id.substring(1, id.length() - 1) : id;
	}
}
