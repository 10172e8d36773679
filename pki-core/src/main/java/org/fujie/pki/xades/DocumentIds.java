package org.fujie.pki.xades;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * The ID attributes of an untrusted document ({@code Id}, {@code ID}, {@code id} and {@code xml:id}), registered so
 * that "#id" references resolve, and every value borne by more than one element: an ID collision, the classic way to
 * make a verifier check one element while the application reads another. Colliding values are not registered, so a
 * reference to one resolves to nothing.
 */
final class DocumentIds {

    private static final String XML = "http://www.w3.org/XML/1998/namespace";

    private final Map<String, Element> elements = new HashMap<>();
    private final Set<String> collisions = new HashSet<>();

    private DocumentIds() {
    }

    static DocumentIds register(Document document) {
        DocumentIds ids = new DocumentIds();
        Map<String, Attr> first = new HashMap<>();
        ids.walk(document.getDocumentElement(), first);
        for (Map.Entry<String, Attr> entry : first.entrySet()) {
            if (!ids.collisions.contains(entry.getKey())) {
                Attr attribute = entry.getValue();
                attribute.getOwnerElement().setIdAttributeNode(attribute, true);
                ids.elements.put(entry.getKey(), attribute.getOwnerElement());
            }
        }
        return ids;
    }

    /** Iterative, so that no nesting the parser accepted can overflow the stack here. */
    private void walk(Element root, Map<String, Attr> first) {
        Node node = root;
        while (node != null) {
            if (node instanceof Element element) {
                NamedNodeMap attributes = element.getAttributes();
                for (int i = 0; i < attributes.getLength(); i++) {
                    Attr attribute = (Attr) attributes.item(i);
                    if (isId(attribute) && first.putIfAbsent(attribute.getValue(), attribute) != null) {
                        collisions.add(attribute.getValue());
                    }
                }
            }
            if (node.getFirstChild() != null) {
                node = node.getFirstChild();
                continue;
            }
            while (node != null && node != root && node.getNextSibling() == null) {
                node = node.getParentNode();
            }
            node = node == null || node == root ? null : node.getNextSibling();
        }
    }

    private static boolean isId(Attr attribute) {
        String name = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
        if (attribute.getNamespaceURI() == null) {
            return name.equals("Id") || name.equals("ID") || name.equals("id");
        }
        return XML.equals(attribute.getNamespaceURI()) && name.equals("id");
    }

    boolean collides(String id) {
        return collisions.contains(id);
    }

    Set<String> collisions() {
        return Set.copyOf(collisions);
    }

    /** The one element with this ID, or null (none, or a collision). */
    Element element(String id) {
        return elements.get(id);
    }
}
