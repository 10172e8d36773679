package org.fujie.pki.xades;

import java.util.ArrayList;
import java.util.List;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** The few DOM steps XAdES needs: namespaced elements by prefix, and element children by name. */
final class Dom {

    private static final String XMLNS = "http://www.w3.org/2000/xmlns/";

    private Dom() {
    }

    /** A new element {@code prefix:localName}; the prefix is declared where the element is the first of its namespace. */
    static Element element(Document document, String namespace, String qualifiedName) {
        return document.createElementNS(namespace, qualifiedName);
    }

    /** A new child; its prefix is declared on it unless the parent already binds it (C14N writes only declared prefixes). */
    static Element append(Element parent, String namespace, String qualifiedName) {
        Element child = element(parent.getOwnerDocument(), namespace, qualifiedName);
        String prefix = child.getPrefix();
        if (prefix != null && !namespace.equals(parent.lookupNamespaceURI(prefix))) {
            child.setAttributeNS(XMLNS, "xmlns:" + prefix, namespace);
        }
        parent.appendChild(child);
        return child;
    }

    static Element appendText(Element parent, String namespace, String qualifiedName, String text) {
        Element child = append(parent, namespace, qualifiedName);
        child.setTextContent(text);
        return child;
    }

    /** The element children of {@code parent} named {namespace}localName, in document order. */
    static List<Element> children(Node parent, String namespace, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && namespace.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }

    /** The only such child, or null when there is none; two are a format error. */
    static Element child(Node parent, String namespace, String localName) throws XadesFormatException {
        List<Element> found = children(parent, namespace, localName);
        if (found.size() > 1) {
            throw new XadesFormatException("more than one " + localName + " in " + parent.getLocalName());
        }
        return found.isEmpty() ? null : found.get(0);
    }

    static List<Element> elementChildren(Node parent) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                found.add(e);
            }
        }
        return found;
    }

    /** The element's ID attribute, registered so that same-document references ("#id") find it. */
    static void setId(Element element, String id) {
        element.setAttributeNS(null, "Id", id);
        element.setIdAttributeNS(null, "Id", true);
    }
}
