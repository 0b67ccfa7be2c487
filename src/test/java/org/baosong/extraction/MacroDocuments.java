package org.baosong.extraction;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.poi.poifs.filesystem.DirectoryEntry;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * A Word 97 document with macros, as Word stores them ([MS-OVBA]): the document's own streams (a real
 * .doc written by LibreOffice) plus a {@code Macros} storage holding the VBA project: {@code PROJECT}
 * (text), {@code PROJECTwm} (module names), and {@code VBA/} with {@code _VBA_PROJECT}, the {@code dir}
 * stream and one stream per module, the last two compressed as [MS-OVBA] 2.4.1 says. {@code _VBA_PROJECT}
 * carries version 0xFFFF and no performance cache: the compiled form is absent, so Office recompiles the
 * modules from their source, which is what this writes. Deterministic (fixed seed and project id) so the
 * file in the rules corpus can be made again byte for byte.
 */
final class MacroDocuments {

	static final String PROJECT_ID = "{5A3D1B7E-2C4F-4E8A-9B61-0D7E3F2A1C58}";

	/** GBK, as a Chinese Word writes VBA source (PROJECTCODEPAGE). */
	static final int CODE_PAGE = 936;

	static final Charset MBCS = Charset.forName("GBK");

	/** The modules of the sample project: the document module and a standard module with an auto macro. */
	static Map<String, String> sampleModules() {
		Map<String, String> modules = new LinkedHashMap<>();
		modules.put("ThisDocument", """
				Attribute VB_Name = "ThisDocument"
				Attribute VB_Base = "1Normal.ThisDocument"
				Attribute VB_GlobalNameSpace = False
				Attribute VB_Creatable = False
				Attribute VB_PredeclaredId = True
				Attribute VB_Exposed = True
				Attribute VB_TemplateDerived = True
				Attribute VB_Customizable = True
				Private Sub Document_Open()
				    MsgBox "宏已运行"
				End Sub
				""".replace("\n", "\r\n"));
		modules.put("Module1", """
				Attribute VB_Name = "Module1"
				Sub AutoOpen()
				    Dim shell As Object
				    Set shell = CreateObject("WScript.Shell")
				    shell.Popup "自动宏", 1
				End Sub
				""".replace("\n", "\r\n"));
		return modules;
	}

	/** {@code doc} (an OLE2 Word 97 file) with a VBA project of {@code modules} (name -> source); the first is the document module. */
	static byte[] withMacros(byte[] doc, Map<String, String> modules) {
		try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(doc))) {
			DirectoryEntry macros = fs.getRoot().createDirectory("Macros");
			macros.createDocument("PROJECT", new ByteArrayInputStream(projectStream(modules)));
			macros.createDocument("PROJECTwm", new ByteArrayInputStream(projectWm(modules)));
			DirectoryEntry vba = macros.createDirectory("VBA");
			// Reserved1 0x61CC, Version 0xFFFF (version-independent: no performance cache), Reserved2, Reserved3
			vba.createDocument("_VBA_PROJECT", new ByteArrayInputStream(new byte[] { (byte) 0xCC, 0x61, (byte) 0xFF, (byte) 0xFF, 0, 0, 0 }));
			vba.createDocument("dir", new ByteArrayInputStream(compress(dirStream(modules))));
			for (var module : modules.entrySet()) {
				// no performance cache: the compressed source starts at offset 0 (MODULEOFFSET)
				vba.createDocument(module.getKey(), new ByteArrayInputStream(compress(module.getValue().getBytes(MBCS))));
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			fs.writeFilesystem(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	// ---- [MS-OVBA] 2.3.4.2 dir stream (decompressed) ----

	static byte[] dirStream(Map<String, String> modules) {
		Records r = new Records();
		// PROJECTINFORMATION
		r.id(0x0001).u32(4).u32(0x00000001); // PROJECTSYSKIND: 32-bit Windows
		r.id(0x0002).u32(4).u32(0x00000804); // PROJECTLCID: zh-CN
		r.id(0x0014).u32(4).u32(0x00000804); // PROJECTLCIDINVOKE
		r.id(0x0003).u32(2).u16(CODE_PAGE); // PROJECTCODEPAGE
		r.id(0x0004).mbcs("Project"); // PROJECTNAME
		r.id(0x0005).mbcs("").u16(0x0040).unicode(""); // PROJECTDOCSTRING
		r.id(0x0006).mbcs("").u16(0x003D).mbcs(""); // PROJECTHELPFILEPATH
		r.id(0x0007).u32(4).u32(0); // PROJECTHELPCONTEXT
		r.id(0x0008).u32(4).u32(0); // PROJECTLIBFLAGS
		r.id(0x0009).u32(4).u32(0x5A4E0C1B).u16(0x0006); // PROJECTVERSION: Reserved 4, major, minor
		r.id(0x000C).mbcs("").u16(0x003C).unicode(""); // PROJECTCONSTANTS
		// PROJECTREFERENCES: OLE Automation, as every project references it
		String name = "stdole";
		String libid = "*\\G{00020430-0000-0000-C000-000000000046}#2.0#0#C:\\Windows\\System32\\stdole2.tlb#OLE Automation";
		r.id(0x0016).mbcs(name).u16(0x003E).unicode(name); // REFERENCENAME
		byte[] lib = libid.getBytes(MBCS);
		r.id(0x000D).u32(4 + lib.length + 4 + 2).u32(lib.length).bytes(lib).u32(0).u16(0); // REFERENCEREGISTERED
		// PROJECTMODULES
		r.id(0x000F).u32(2).u16(modules.size());
		r.id(0x0013).u32(2).u16(0xFFFF); // PROJECTCOOKIE
		boolean first = true;
		for (String module : modules.keySet()) {
			r.id(0x0019).mbcs(module); // MODULENAME
			r.id(0x0047).unicode(module); // MODULENAMEUNICODE
			r.id(0x001A).mbcs(module).u16(0x0032).unicode(module); // MODULESTREAMNAME
			r.id(0x001C).mbcs("").u16(0x0048).unicode(""); // MODULEDOCSTRING
			r.id(0x0031).u32(4).u32(0); // MODULEOFFSET: source at the start of the module stream
			r.id(0x001E).u32(4).u32(0); // MODULEHELPCONTEXT
			r.id(0x002C).u32(2).u16(0xFFFF); // MODULECOOKIE
			r.id(first ? 0x0022 : 0x0021).u32(0); // MODULETYPE: document/class module, then procedural
			r.id(0x002B).u32(0); // module terminator
			first = false;
		}
		r.id(0x0010).u32(0); // dir stream terminator
		return r.out.toByteArray();
	}

	private static final class Records {

		final ByteArrayOutputStream out = new ByteArrayOutputStream();

		Records id(int id) {
			return u16(id);
		}

		Records u16(int v) {
			out.write(v & 0xFF);
			out.write((v >>> 8) & 0xFF);
			return this;
		}

		Records u32(int v) {
			u16(v & 0xFFFF);
			return u16(v >>> 16);
		}

		Records bytes(byte[] b) {
			out.writeBytes(b);
			return this;
		}

		/** A size-prefixed MBCS string. */
		Records mbcs(String s) {
			byte[] b = s.getBytes(MBCS);
			return u32(b.length).bytes(b);
		}

		/** A size-prefixed UTF-16LE string. */
		Records unicode(String s) {
			byte[] b = s.getBytes(StandardCharsets.UTF_16LE);
			return u32(b.length).bytes(b);
		}
	}

	// ---- [MS-OVBA] 2.3.1 PROJECT stream and 2.3.3 PROJECTwm ----

	static byte[] projectStream(Map<String, String> modules) {
		StringBuilder p = new StringBuilder();
		p.append("ID=\"").append(PROJECT_ID).append("\"\r\n");
		boolean first = true;
		for (String module : modules.keySet()) {
			p.append(first ? "Document=" + module + "/&H00000000" : "Module=" + module).append("\r\n");
			first = false;
		}
		p.append("Name=\"Project\"\r\n");
		p.append("HelpContextID=\"0\"\r\n");
		p.append("VersionCompatible32=\"393222000\"\r\n");
		p.append("CMG=\"").append(hex(encrypt(new byte[4], 0x4B))).append("\"\r\n"); // ProjectProtectionState: none
		p.append("DPB=\"").append(hex(encrypt(new byte[1], 0x31))).append("\"\r\n"); // ProjectPassword: none
		p.append("GC=\"").append(hex(encrypt(new byte[] { (byte) 0xFF }, 0x6E))).append("\"\r\n"); // ProjectVisibilityState: visible
		p.append("\r\n[Host Extender Info]\r\n");
		p.append("&H00000001={3832D640-CF90-11CF-8E43-00A0C911005A};VBE;&H00000000\r\n");
		p.append("\r\n[Workspace]\r\n");
		for (String module : modules.keySet()) {
			p.append(module).append("=0, 0, 0, 0, C\r\n");
		}
		return p.toString().getBytes(MBCS);
	}

	static byte[] projectWm(Map<String, String> modules) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (String module : modules.keySet()) {
			out.writeBytes(module.getBytes(MBCS));
			out.write(0);
			out.writeBytes(module.getBytes(StandardCharsets.UTF_16LE));
			out.write(0);
			out.write(0);
		}
		out.write(0);
		out.write(0);
		return out.toByteArray();
	}

	/** [MS-OVBA] 2.4.3.2 Data Encryption (an obfuscation keyed by the project id), with a fixed seed. */
	static byte[] encrypt(byte[] data, int seed) {
		int version = 2;
		int projKey = 0;
		for (char c : PROJECT_ID.toCharArray()) {
			projKey = (projKey + c) & 0xFF;
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int versionEnc = seed ^ version;
		int projKeyEnc = seed ^ projKey;
		out.write(seed);
		out.write(versionEnc);
		out.write(projKeyEnc);
		int[] state = { projKey, projKeyEnc, versionEnc }; // UnencryptedByte1, EncryptedByte1, EncryptedByte2
		int ignoredLength = (seed & 6) / 2;
		for (int i = 0; i < ignoredLength; i++) {
			out.write(encryptByte(0x5C + i, state)); // arbitrary bytes
		}
		int length = data.length;
		for (int i = 0; i < 4; i++) {
			out.write(encryptByte((length >>> (8 * i)) & 0xFF, state));
		}
		for (byte b : data) {
			out.write(encryptByte(b & 0xFF, state));
		}
		return out.toByteArray();
	}

	private static int encryptByte(int plain, int[] state) {
		int enc = (plain ^ ((state[2] + state[0]) & 0xFF)) & 0xFF;
		state[2] = state[1];
		state[1] = enc;
		state[0] = plain;
		return enc;
	}

	private static String hex(byte[] bytes) {
		StringBuilder sb = new StringBuilder();
		for (byte b : bytes) {
			sb.append(String.format("%02X", b & 0xFF));
		}
		return sb.toString();
	}

	// ---- [MS-OVBA] 2.4.1 compression ----

	/** A CompressedContainer: signature byte 0x01, then one chunk per 4096 bytes of {@code data}. */
	static byte[] compress(byte[] data) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(0x01);
		for (int start = 0; start < data.length; start += 4096) {
			int end = Math.min(data.length, start + 4096);
			byte[] tokens = compressChunk(data, start, end);
			boolean raw = tokens.length > 4096;
			if (raw && end - start < 4096) {
				throw new IllegalArgumentException("a last chunk that does not compress cannot be stored raw without padding");
			}
			byte[] body = raw ? java.util.Arrays.copyOfRange(data, start, end) : tokens;
			// CompressedChunkHeader: size - 3 (12 bits), signature 0b011, flag (1 = compressed)
			int header = (body.length + 2 - 3) | (0b011 << 12) | (raw ? 0 : 0x8000);
			out.write(header & 0xFF);
			out.write(header >>> 8);
			out.writeBytes(body);
		}
		return out.toByteArray();
	}

	/** The TokenSequences of one chunk: literals, and CopyTokens for repeats of 3 or more bytes. */
	private static byte[] compressChunk(byte[] data, int start, int end) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int pos = start;
		while (pos < end) {
			ByteArrayOutputStream sequence = new ByteArrayOutputStream();
			int flags = 0;
			for (int bit = 0; bit < 8 && pos < end; bit++) {
				int difference = pos - start;
				int bitCount = Math.max(4, 32 - Integer.numberOfLeadingZeros(Math.max(0, difference - 1)));
				int maxLength = (0xFFFF >>> bitCount) + 3;
				int bestLength = 0;
				int bestOffset = 0;
				for (int candidate = pos - 1; candidate >= start; candidate--) {
					int length = 0;
					while (pos + length < end && length < maxLength && data[candidate + length] == data[pos + length]) {
						length++;
					}
					if (length > bestLength) {
						bestLength = length;
						bestOffset = pos - candidate;
					}
				}
				if (bestLength >= 3) {
					int token = ((bestOffset - 1) << (16 - bitCount)) | (bestLength - 3);
					sequence.write(token & 0xFF);
					sequence.write(token >>> 8);
					flags |= 1 << bit;
					pos += bestLength;
				}
				else {
					sequence.write(data[pos++]);
				}
			}
			out.write(flags);
			out.writeBytes(sequence.toByteArray());
		}
		return out.toByteArray();
	}

	private MacroDocuments() {
	}
}
