package org.fujie.pki.xades;

import static org.fujie.pki.xades.XadesNames.DS;
import static org.fujie.pki.xades.XadesNames.XADES;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fujie.pki.validation.SubIndication;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Checks every ds:Reference of a signature before anything dereferences it, and says what it covers. A reference may
 * name the whole document (""), an element by a unique ID, or detached data given with the document (a relative name,
 * or a URI of a configured scheme; never fetched). Against signature wrapping: an ID borne twice is refused; an
 * enveloped reference must name an element that contains its signature; signed content may sit inside a signature only
 * as this signature's own properties, an enveloping signature's ds:Object, or the SignatureValue a countersignature
 * signs.
 */
final class ReferencePolicy {

    /**
     * @param dataElements the document elements signed by ID (for the wrapping check across signatures)
     * @param detached the detached data the references use, by the URI they use
     */
    record Covered(List<String> scopes, boolean wholeDocument, List<Element> dataElements, Element signedProperties,
            Map<String, byte[]> detached) {
    }

    private static final Set<String> DIGESTS = Set.of(
            "http://www.w3.org/2001/04/xmlenc#sha256", "http://www.w3.org/2001/04/xmldsig-more#sha384",
            "http://www.w3.org/2001/04/xmlenc#sha512", "http://www.w3.org/2007/05/xmldsig-more#sha3-256",
            "http://www.w3.org/2007/05/xmldsig-more#sha3-384", "http://www.w3.org/2007/05/xmldsig-more#sha3-512");

    /** Known, and once used, but broken or too short now: a cryptographic constraint, not a malformed signature. */
    private static final Set<String> WEAK_DIGESTS = Set.of("http://www.w3.org/2000/09/xmldsig#sha1",
            "http://www.w3.org/2001/04/xmldsig-more#md5", "http://www.w3.org/2001/04/xmldsig-more#sha224");

    private ReferencePolicy() {
    }

    static Covered check(Element signature, Element signedInfo, DocumentIds ids, Map<String, byte[]> detached,
            XadesVerifierSettings settings) throws ReferenceRefused, XadesFormatException {
        List<Element> references = Dom.children(signedInfo, DS, "Reference");
        if (references.isEmpty()) {
            throw format("the SignedInfo holds no reference");
        }
        if (references.size() > settings.maxReferences()) {
            throw ReferenceRefused.overLimit("the SignedInfo holds " + references.size() + " references, more than "
                    + settings.maxReferences());
        }
        List<String> scopes = new ArrayList<>();
        List<Element> dataElements = new ArrayList<>();
        Map<String, byte[]> used = new LinkedHashMap<>();
        boolean whole = false;
        Element signedProperties = null;
        List<Element> signedObjects = new ArrayList<>();
        for (Element reference : references) {
            Element digestMethod = Dom.child(reference, DS, "DigestMethod");
            String digest = digestMethod == null ? "" : digestMethod.getAttributeNS(null, "Algorithm");
            if (WEAK_DIGESTS.contains(digest)) {
                throw new ReferenceRefused(SubIndication.CRYPTO_CONSTRAINTS_FAILURE,
                        "the digest method " + digest + " is no longer accepted (SHA-256 or stronger)");
            }
            if (!DIGESTS.contains(digest)) {
                throw format("a reference's digest method is missing or not accepted (SHA-256 or stronger)");
            }
            boolean enveloped = TransformPolicy.check(reference, settings.maxTransforms());
            if (!reference.hasAttributeNS(null, "URI")) {
                throw format("a reference without a URI: what it signs is not said");
            }
            String uri = reference.getAttributeNS(null, "URI");
            String type = reference.getAttributeNS(null, "Type");
            if (uri.isEmpty() || uri.equals("#xpointer(/)")) {
                whole = true;
                scopes.add(enveloped ? "the whole document, less its signatures" : "the whole document");
                continue;
            }
            if (uri.startsWith("#")) {
                String id = idOf(uri);
                if (ids.collides(id)) {
                    throw format("ID collision: more than one element bears the ID '" + id + "' (signature wrapping)");
                }
                Element target = ids.element(id);
                if (target == null) {
                    throw new ReferenceRefused(SubIndication.SIGNED_DATA_NOT_FOUND, "no element bears the ID '" + id + "'");
                }
                if (enveloped && !contains(target, signature)) {
                    throw format("an enveloped reference names #" + id + ", which does not contain its signature (signature wrapping)");
                }
                Element holder = enclosingSignature(target);
                if (holder == null) {
                    dataElements.add(target);
                    boolean root = target == target.getOwnerDocument().getDocumentElement();
                    whole |= root;
                    // an enveloped reference leaves the signatures inside its element out of the digest: the scope says so
                    scopes.add((root ? "the whole document" : "element " + path(target)) + (enveloped ? ", less its signatures" : ""));
                } else if (holder == signature) {
                    if (isSignedProperties(target, signature)) {
                        signedProperties = target;
                    } else {
                        Element object = ownObject(target, signature, id);
                        if (object == target) {
                            signedObjects.add(object);
                        }
                        scopes.add("the data in ds:Object " + id);
                    }
                } else if (XadesNames.COUNTERSIGNED_TYPE.equals(type) && isSignatureValue(target, holder)) {
                    scopes.add("the signature value of " + holder.getAttributeNS(null, "Id") + " (a countersignature)");
                } else {
                    throw format("the signed element #" + id + " sits inside another signature (signature wrapping)");
                }
                continue;
            }
            String name = detachedName(uri, settings);
            byte[] data = detached.get(name);
            if (data == null) {
                throw new ReferenceRefused(SubIndication.SIGNED_DATA_NOT_FOUND, "the detached data '" + name + "' was not given");
            }
            used.put(uri, data);
            whole = true;
            scopes.add("detached data '" + name + "' (" + data.length + " bytes)");
        }
        // an enveloping signature (the document's root) covers the document when it signs each of its data objects whole
        List<Element> dataObjects = Dom.children(signature, DS, "Object").stream()
                .filter(o -> Dom.children(o, XADES, "QualifyingProperties").isEmpty()).toList();
        whole |= !dataObjects.isEmpty() && signedObjects.containsAll(dataObjects);
        return new Covered(scopes, whole, dataElements, signedProperties, used);
    }

    /** A bare-name pointer "#id", or the XPointer form "#xpointer(id('id'))". */
    private static String idOf(String uri) throws ReferenceRefused {
        String fragment = uri.substring(1);
        if (fragment.startsWith("xpointer(id(") && fragment.endsWith("))")) {
            String quoted = fragment.substring("xpointer(id(".length(), fragment.length() - 2);
            if (quoted.length() > 2 && (quoted.charAt(0) == '\'' || quoted.charAt(0) == '"')
                    && quoted.charAt(quoted.length() - 1) == quoted.charAt(0)) {
                return quoted.substring(1, quoted.length() - 1);
            }
        }
        if (fragment.isEmpty() || fragment.contains("(")) {
            throw format("the reference URI " + uri + " is not a same-document ID (other XPointers are refused)");
        }
        return fragment;
    }

    private static String detachedName(String uri, XadesVerifierSettings settings) throws ReferenceRefused {
        try {
            URI parsed = new URI(uri);
            if (parsed.getScheme() != null && !settings.externalSchemes().contains(parsed.getScheme().toLowerCase())) {
                throw format("the reference URI " + uri + " is not same-document, and its scheme is not accepted for detached data");
            }
        } catch (URISyntaxException e) {
            throw format("the reference URI is not a URI: " + e.getMessage());
        }
        return URLDecoder.decode(uri.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** The signature's own ds:Object holding the target, which only an enveloping signature may sign. */
    private static Element ownObject(Element target, Element signature, String id) throws ReferenceRefused {
        Element object = target;
        while (object != null && !(DS.equals(object.getNamespaceURI()) && "Object".equals(object.getLocalName())
                && object.getParentNode() == signature)) {
            object = object.getParentNode() instanceof Element parent ? parent : null;
        }
        if (object == null) {
            throw format("the reference #" + id + " names a part of its own signature other than a ds:Object");
        }
        if (signature != signature.getOwnerDocument().getDocumentElement()) {
            throw format("the reference #" + id + " names data inside the signature's ds:Object while the signature is "
                    + "enveloped in a document (signature wrapping)");
        }
        return object;
    }

    private static boolean isSignedProperties(Element target, Element signature) {
        if (!XADES.equals(target.getNamespaceURI()) || !"SignedProperties".equals(target.getLocalName())) {
            return false;
        }
        Node qualifying = target.getParentNode();
        Node object = qualifying == null ? null : qualifying.getParentNode();
        return object != null && object.getParentNode() == signature;
    }

    private static boolean isSignatureValue(Element target, Element signature) {
        return DS.equals(target.getNamespaceURI()) && "SignatureValue".equals(target.getLocalName())
                && target.getParentNode() == signature;
    }

    /** The nearest ds:Signature that is the element or holds it, or null. */
    static Element enclosingSignature(Node node) {
        for (Node n = node; n instanceof Element e; n = n.getParentNode()) {
            if (DS.equals(e.getNamespaceURI()) && "Signature".equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    static boolean contains(Node ancestor, Node node) {
        for (Node n = node; n != null; n = n.getParentNode()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }

    /** "/ns:a[1]/ns:b[2]": the element's place, by qualified names and positions among same-named siblings. */
    static String path(Element element) {
        StringBuilder path = new StringBuilder();
        for (Node n = element; n instanceof Element e; n = n.getParentNode()) {
            int position = 1;
            for (Node s = e.getPreviousSibling(); s != null; s = s.getPreviousSibling()) {
                if (s instanceof Element sibling && sameName(sibling, e)) {
                    position++;
                }
            }
            path.insert(0, "/" + e.getNodeName() + "[" + position + "]");
        }
        return path.toString();
    }

    static boolean sameName(Element a, Element b) {
        return a.getLocalName().equals(b.getLocalName()) && java.util.Objects.equals(a.getNamespaceURI(), b.getNamespaceURI());
    }

    private static ReferenceRefused format(String message) {
        return new ReferenceRefused(SubIndication.FORMAT_FAILURE, message);
    }
}
