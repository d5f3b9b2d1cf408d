package org.contextencoder.cli;

import org.contextencoder.model.Architecture;
import org.contextencoder.model.Architectures;

import java.util.Iterator;

/** The registered architectures' ids, for {@code --architecture}'s help. */
final class ArchitectureIds implements Iterable<String> {

    @Override
    public Iterator<String> iterator() {
        return Architectures.all().stream().map(Architecture::id).iterator();
    }
}
