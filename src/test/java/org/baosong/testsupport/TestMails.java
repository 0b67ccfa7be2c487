package org.baosong.testsupport;

import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/** Mail as a unit's client would write it: UTF-8 subject and text body, attachments after the text. */
public final class TestMails {

	private TestMails() {
	}

	public static MimeMessage mail(String from, String to, String subject, String body, MimeBodyPart... attachments)
			throws MessagingException {
		var message = new MimeMessage(Session.getInstance(new Properties()));
		message.setFrom(from);
		message.setRecipients(Message.RecipientType.TO, to);
		message.setSubject(subject, "UTF-8");
		if (attachments.length == 0) {
			message.setText(body, "UTF-8");
			return message;
		}
		var multipart = new MimeMultipart();
		var text = new MimeBodyPart();
		text.setText(body, "UTF-8");
		multipart.addBodyPart(text);
		for (MimeBodyPart attachment : attachments) {
			multipart.addBodyPart(attachment);
		}
		message.setContent(multipart);
		return message;
	}
}
