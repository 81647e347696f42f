package org.agendamonitor.ingest;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SAXBuilder;
import com.rometools.rome.io.WireFeedInput;
import com.rometools.rome.io.impl.XmlFixerReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.util.Locale;
import javax.xml.XMLConstants;
import org.jdom2.Document;
import org.jdom2.JDOMException;
import org.xml.sax.InputSource;

/**
 * ROME's input with DOCTYPEs allowed, made safe by other means. ROME refuses every DOCTYPE by default, which also
 * refuses legacy RSS 0.91 (Netscape DOCTYPE) and feeds with harmless internal entities. Here a DOCTYPE is read, but:
 * external general and parameter entities are off, the external DTD is never loaded, the JDK's
 * {@code accessExternalDTD} is empty (so even a missed path cannot open a file or socket), any entity resolution
 * that still happens gets an empty document, and the JDK's expansion, entity-size and element-depth limits are set
 * well below their defaults so billion laughs, quadratic blow-up and deep nesting end in a quick parse error.
 */
final class SecureFeedInput extends WireFeedInput {
    private static final String JDK_LIMIT = "http://www.oracle.com/xml/jaxp/properties/";
    static final int ENTITY_EXPANSION_LIMIT = 10_000;
    static final int TOTAL_ENTITY_SIZE_LIMIT = 1_000_000;
    static final int MAX_ELEMENT_DEPTH = 256;

    SecureFeedInput() {
        super(false, Locale.US);
        setAllowDoctypes(true);
        setXmlHealerOn(true);
    }

    /** Parses text into a JDOM document, healing it first as ROME does (leading junk, HTML entities). */
    Document document(String text) throws JDOMException, IOException {
        return createSAXBuilder().build(new XmlFixerReader(new StringReader(text)));
    }

    /** ROME's format detection and parser for an already parsed document; null when no parser claims it. */
    WireFeed wireFeed(Document document) throws FeedException {
        return build(document);
    }

    @Override
    protected SAXBuilder createSAXBuilder() {
        SAXBuilder builder = super.createSAXBuilder();
        builder.setEntityResolver((publicId, systemId) -> new InputSource(new ByteArrayInputStream(new byte[0])));
        builder.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        builder.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        builder.setProperty(JDK_LIMIT + "entityExpansionLimit", String.valueOf(ENTITY_EXPANSION_LIMIT));
        builder.setProperty(JDK_LIMIT + "totalEntitySizeLimit", String.valueOf(TOTAL_ENTITY_SIZE_LIMIT));
        builder.setProperty(JDK_LIMIT + "maxGeneralEntitySizeLimit", String.valueOf(TOTAL_ENTITY_SIZE_LIMIT));
        builder.setProperty(JDK_LIMIT + "maxElementDepth", String.valueOf(MAX_ELEMENT_DEPTH));
        return builder;
    }
}
