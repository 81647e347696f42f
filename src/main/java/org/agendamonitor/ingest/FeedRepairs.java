package org.agendamonitor.ingest;

import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;

/**
 * Lenient second chances for documents ROME does not recognise but whose meaning is plain, as other feed readers
 * accept them: an RSS root with an unknown {@code version} (read as 2.0) and an Atom {@code <feed>} in no namespace or
 * a wrong one (read as Atom 1.0). Each repair changes only the JDOM tree we parsed, never the bytes.
 */
final class FeedRepairs {
    static final Namespace ATOM_10 = Namespace.getNamespace("http://www.w3.org/2005/Atom");

    private FeedRepairs() {
    }

    /** An {@code <rss>} root without a {@code <channel>} is an empty feed: nothing to read, nothing wrong. */
    static boolean isEmptyRss(Document document) {
        Element root = document.getRootElement();
        return root.getName().equals("rss") && root.getChildren().stream()
                .noneMatch(e -> e.getName().equals("channel") || e.getName().equals("item"));
    }

    /** Returns true when a repair was applied and ROME should be asked again. */
    static boolean repair(Document document) {
        Element root = document.getRootElement();
        if (root.getName().equals("rss") && root.getNamespace() == Namespace.NO_NAMESPACE) {
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
