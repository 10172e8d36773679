package org.fujie.pki.xades;

import org.apache.xml.security.signature.XMLSignatureInput;
import org.apache.xml.security.utils.resolver.ResourceResolverContext;
import org.apache.xml.security.utils.resolver.ResourceResolverException;
import org.apache.xml.security.utils.resolver.ResourceResolverSpi;

/** Resolves exactly one reference URI, a detached signature's data, to the bytes given: nothing is fetched. */
final class DetachedResolver extends ResourceResolverSpi {

    private final String uri;
    private final byte[] data;

    DetachedResolver(String uri, byte[] data) {
        this.uri = uri;
        this.data = data.clone();
    }

    @Override
    public boolean engineCanResolveURI(ResourceResolverContext context) {
        return uri.equals(context.uriToResolve);
    }

    @Override
    public XMLSignatureInput engineResolveURI(ResourceResolverContext context) throws ResourceResolverException {
        XMLSignatureInput input = new XMLSignatureInput(data);
        input.setSourceURI(context.uriToResolve);
        return input;
    }
}
