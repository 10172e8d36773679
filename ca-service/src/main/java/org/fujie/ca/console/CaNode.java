package org.fujie.ca.console;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.fujie.ca.store.CaRecord;

/** A CA and the CAs it signed, for the hierarchy tree. */
record CaNode(CaRecord ca, List<CaNode> children) {

    /** The roots (CAs without a parent, or whose parent is unknown here) with their descendants, by id. */
    static List<CaNode> forest(List<CaRecord> cas) {
        java.util.Set<String> ids = cas.stream().map(CaRecord::id).collect(Collectors.toSet());
        Map<String, List<CaRecord>> byParent = cas.stream().filter(ca -> ca.parentId() != null && ids.contains(ca.parentId()))
                .collect(Collectors.groupingBy(CaRecord::parentId));
        return cas.stream().filter(ca -> ca.parentId() == null || !ids.contains(ca.parentId()))
                .sorted(Comparator.comparing(CaRecord::id)).map(root -> node(root, byParent)).toList();
    }

    private static CaNode node(CaRecord ca, Map<String, List<CaRecord>> byParent) {
        List<CaNode> children = new ArrayList<>();
        byParent.getOrDefault(ca.id(), List.of()).stream().sorted(Comparator.comparing(CaRecord::id))
                .forEach(child -> children.add(node(child, byParent)));
        return new CaNode(ca, List.copyOf(children));
    }
}
