package org.fujie.cli;

import picocli.CommandLine.IVersionProvider;

/** The version the jar's manifest names (set at packaging), or a development build when run from classes. */
public final class Version implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = Version.class.getPackage().getImplementationVersion();
        return new String[] {"fujie " + (version == null ? "(development build)" : version),
                "Java " + System.getProperty("java.version") + ", " + System.getProperty("java.vendor")};
    }
}
