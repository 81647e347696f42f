package org.agendamonitor.ingest;

import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;

/**
 * Lenient second chances for documents ROME does not read but whose meaning is plain, as other feed readers accept
 * them: an RSS root with an unknown {@code version} (read as 2.0), items without a channel, an Atom {@code <feed>} in
 * no namespace or a wrong one (read as Atom 1.0), and stray control characters. Tree repairs change only the JDOM
 * document we parsed.
 */
final class FeedRepairs {
    static final Namespace ATOM_10 = Namespace.getNamespace("http://www.w3.org/2005/Atom");

    private FeedRepairs() {
    }

    /** An {@code <rss>} root without a {@code <channel>} or items is an empty feed: nothing to read, nothing wrong. */
    static boolean isEmptyRss(Document document) {
        Element root = document.getRootElement();
        return root.getName().equals("rss") && root.getChildren().stream()
                .noneMatch(e -> e.getName().equals("channel") || e.getName().equals("item"));
    }

    /**
     * Control characters other than tab, CR and LF are not allowed anywhere in XML 1.0 (§2.2) and one stray byte
     * (a backspace pasted into a title) would refuse the whole feed; they carry no text, so they are dropped.
     */
    static String withoutIllegalXmlChars(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean illegal = c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == '\uFFFE' || c == '\uFFFF';
            if (illegal && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            } else if (!illegal && out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    /** Items straight under {@code <rss>} (ROME fails on the missing channel): put them in the channel they forgot. */
    static void wrapOrphanItems(Document document) {
        Element root = document.getRootElement();
        if (root.getName().equals("rss") && root.getChild("channel") == null && root.getChild("item") != null) {
            Element channel = new Element("channel");
            channel.addContent(root.removeContent());
            root.addContent(channel);
        }
    }

    /** Returns true when a repair was applied and ROME should be asked again. */
    static boolean repair(Document document) {
        Element root = document.getRootElement();
        if (root.getName().equals("rss") && root.getNamespace() == Namespace.NO_NAMESPACE
                && !"2.0".equals(root.getAttributeValue("version"))) {
            root.setAttribute("version", "2.0");
            return true;
        }
        if (root.getName().equals("feed") && !root.getNamespace().equals(ATOM_10)) {
            moveToAtom(root, root.getNamespace());
            return true;
        }
        return false;
    }

    private static void moveToAtom(Element element, Namespace from) {
        if (element.getNamespace().equals(from)) {
            element.setNamespace(ATOM_10);
        }
        for (Element child : element.getChildren()) {
            moveToAtom(child, from);
        }
    }
}
