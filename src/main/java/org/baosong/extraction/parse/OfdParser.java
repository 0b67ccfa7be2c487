package org.baosong.extraction.parse;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.apache.tika.exception.TikaException;
import org.apache.tika.io.TemporaryResources;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.PagedText;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.sax.XHTMLContentHandler;
import org.apache.tika.utils.XMLReaderUtils;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * OFD (GB/T 33190-2016), the national fixed-layout format: a zip of XML. {@code OFD.xml} names
 * each document's {@code Document.xml} (DocBody/DocRoot) and its title (DocInfo/Title); the
 * document lists its pages (Pages/Page@BaseLoc); a page's text is in the TextCode elements of
 * its TextObjects. Text on the page's template pages (CommonData/TemplatePage, used for running
 * headers, footers and 红头 letterheads) is reported as header/footer. TextObjects that share a
 * baseline make one line. Registered with Tika through META-INF/services and detected by
 * {@link OfdContainerDetector}.
 */
public class OfdParser implements Parser {

	private static final long serialVersionUID = 1L;

	public static final MediaType OFD = MediaType.application("ofd");

	/** No XML part of a report is this big; a bigger one is hostile. */
	private static final long MAX_PART_BYTES = 64L * 1024 * 1024;

	private static final int MAX_PAGES = 10_000;

	private static final long MAX_RATIO = 100;

	@Override
	public Set<MediaType> getSupportedTypes(ParseContext context) {
		return Set.of(OFD);
	}

	@Override
	public void parse(InputStream stream, ContentHandler handler, Metadata metadata, ParseContext context)
			throws IOException, SAXException, TikaException {
		try (TemporaryResources tmp = new TemporaryResources()) {
			TikaInputStream tis = TikaInputStream.get(stream, tmp, metadata);
			try (ZipFile zip = new ZipFile(tis.getFile())) {
				new Reader(zip, context).read(handler, metadata);
			}
		}
	}

	private static final class Reader {

		private final ZipFile zip;

		private final ParseContext context;

		Reader(ZipFile zip, ParseContext context) {
			this.zip = zip;
			this.context = context;
		}

		void read(ContentHandler handler, Metadata metadata) throws IOException, SAXException, TikaException {
			Document ofd = xml("OFD.xml");
			XHTMLContentHandler xhtml = new XHTMLContentHandler(handler, metadata);
			List<Element> bodies = children(ofd.getDocumentElement(), "DocBody");
			for (Element body : bodies) {
				String title = firstText(body, "Title");
				if (title != null && metadata.get(TikaCoreProperties.TITLE) == null) {
					metadata.set(TikaCoreProperties.TITLE, title);
				}
			}
			xhtml.startDocument();
			int pages = 0;
			for (Element body : bodies) {
				String docRoot = firstText(body, "DocRoot");
				if (docRoot != null) {
					pages += document(resolve("", docRoot), xhtml, pages);
				}
			}
			metadata.set(PagedText.N_PAGES, pages);
			xhtml.endDocument();
		}

		private int document(String path, XHTMLContentHandler xhtml, int pagesSoFar)
				throws IOException, SAXException, TikaException {
			Document doc = xml(path);
			String base = parent(path);
			Map<String, String> templates = new HashMap<>();
			for (Element t : descendants(doc.getDocumentElement(), "TemplatePage")) {
				templates.put(t.getAttribute("ID"), resolve(base, t.getAttribute("BaseLoc")));
			}
			int count = 0;
			for (Element page : descendants(doc.getDocumentElement(), "Page")) {
				if (pagesSoFar + count >= MAX_PAGES) {
					throw new TikaException("OFD with more than " + MAX_PAGES + " pages");
				}
				String loc = page.getAttribute("BaseLoc");
				if (loc.isEmpty()) {
					continue;
				}
				String pagePath = resolve(base, loc);
				Document content = xml(pagePath);
				xhtml.startElement("div", "class", "page");
				for (Element ref : descendants(content.getDocumentElement(), "Template")) {
					String templatePath = templates.get(ref.getAttribute("TemplateID"));
					if (templatePath != null) {
						xhtml.startElement("div", "class", "header");
						lines(xml(templatePath), xhtml);
						xhtml.endElement("div");
					}
				}
				lines(content, xhtml);
				xhtml.endElement("div");
				count++;
			}
			return count;
		}

		/** One paragraph per baseline: Chinese OFD writers often place each character or phrase in its own TextObject. */
		private void lines(Document content, XHTMLContentHandler xhtml) throws SAXException {
			StringBuilder line = new StringBuilder();
			Double lastY = null;
			for (Element object : descendants(content.getDocumentElement(), "TextObject")) {
				double top = number(object.getAttribute("Boundary"), 1);
				for (Element code : children(object, "TextCode")) {
					double y = top + number(code.getAttribute("Y"), 0);
					if (lastY != null && Math.abs(y - lastY) > 0.5 && line.length() > 0) {
						xhtml.element("p", line.toString());
						line.setLength(0);
					}
					line.append(code.getTextContent());
					lastY = y;
				}
			}
			if (line.length() > 0) {
				xhtml.element("p", line.toString());
			}
		}

		private Document xml(String path) throws IOException, SAXException, TikaException {
			ZipEntry entry = zip.getEntry(path);
			if (entry == null) {
				throw new TikaException("OFD part missing: " + path);
			}
			if (entry.getSize() > MAX_PART_BYTES) {
				throw new TikaException("OFD part too large: " + path);
			}
			long limit = Math.min(MAX_PART_BYTES,
					Math.max(1024 * 1024, entry.getCompressedSize() > 0 ? entry.getCompressedSize() * MAX_RATIO : 0));
			try (InputStream in = zip.getInputStream(entry)) {
				byte[] bytes = in.readNBytes((int) limit + 1);
				if (bytes.length > limit) {
					throw new TikaException("zip bomb suspected: OFD part " + path + " inflates beyond " + limit + " bytes");
				}
				return XMLReaderUtils.buildDOM(new java.io.ByteArrayInputStream(bytes), context);
			}
		}
	}

	/** OFD locations are absolute from the package root ("/Doc_0/...") or relative to the referring part. */
	static String resolve(String base, String loc) {
		String path = loc.replace('\\', '/');
		path = path.startsWith("/") ? path.substring(1) : (base.isEmpty() ? path : base + "/" + path);
		List<String> parts = new ArrayList<>();
		for (String part : path.split("/")) {
			if (part.isEmpty() || part.equals(".")) {
				continue;
			}
			if (part.equals("..")) {
				if (!parts.isEmpty()) {
					parts.remove(parts.size() - 1);
				}
				continue;
			}
			parts.add(part);
		}
		return String.join("/", parts);
	}

	private static String parent(String path) {
		int slash = path.lastIndexOf('/');
		return slash < 0 ? "" : path.substring(0, slash);
	}

	private static double number(String list, int index) {
		String[] parts = list.strip().split("\\s+");
		try {
			return parts.length > index ? Double.parseDouble(parts[index]) : 0;
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	private static List<Element> children(Element parent, String localName) {
		List<Element> found = new ArrayList<>();
		for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
			if (n instanceof Element e && localName.equals(localName(e))) {
				found.add(e);
			}
		}
		return found;
	}

	private static List<Element> descendants(Element root, String localName) {
		List<Element> found = new ArrayList<>();
		NodeList all = root.getElementsByTagName("*");
		for (int i = 0; i < all.getLength(); i++) {
			Element e = (Element) all.item(i);
			if (localName.equals(localName(e))) {
				found.add(e);
			}
		}
		return found;
	}

	private static String firstText(Element root, String localName) {
		List<Element> found = descendants(root, localName);
		if (found.isEmpty()) {
			return null;
		}
		String text = found.get(0).getTextContent().strip();
		return text.isEmpty() ? null : text;
	}

	private static String localName(Element e) {
		String name = e.getLocalName() != null ? e.getLocalName() : e.getTagName();
		int colon = name.indexOf(':');
		return colon < 0 ? name : name.substring(colon + 1);
	}

}
